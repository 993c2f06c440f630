"""Map layers: one module per layer, GeoDataFrame in, Folium objects out."""
