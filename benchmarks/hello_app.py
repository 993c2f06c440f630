"""Streamlit's own one-line page, for scale."""
import streamlit as st

st.write("hello")
