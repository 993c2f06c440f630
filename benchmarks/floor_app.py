"""The load benchmark's floor: Streamlit with one sidebar radio and one line of text."""
import streamlit as st

choice = st.sidebar.radio("规划文件", ("全部", "2022 实施方案"))
st.write(f"selected: {choice}")
