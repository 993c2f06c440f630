from app.shareable_state import AppState, Vocabulary, parse, to_params

VOCAB = Vocabulary(cities=("兰州市", "西宁市"), counties=("620102", "630106"),
                   layers=("counties", "rail"), default_layers=("counties", "rail"),
                   basemaps=("offline", "osm"), record_ids=frozenset({"tr-x"}),
                   place_ids=frozenset({"pl-x"}), units=("lead:兰州市政府", "any:兰州市政府"))


def test_empty_url_gives_defaults_without_notice():
    state, notices = parse({}, VOCAB)
    assert state == AppState(layers=VOCAB.default_layers)
    assert notices == []


def test_round_trip_of_every_parameter():
    state = AppState(lang="en", basemap="osm", cities=("西宁市",), county="630106",
                     categories=("transport", "water"), modes=("railway",), doc="both", text="铁路",
                     compare=True, layers=("rail",), selected="tr-x")
    parsed, notices = parse(to_params(state, VOCAB), VOCAB)
    assert notices == []
    assert parsed == state


def test_bad_values_fall_back_with_a_notice_each():
    params = {"lang": "fr", "basemap": "google", "city": "兰州市,北京市", "county": "110101", "unit": "lead:某局",
              "cat": "nonsense", "doc": "1999", "compare": "yes", "z": "99", "lat": "abc", "sel": "zz",
              "q": "<script>alert(1)</script>"}
    state, notices = parse(params, VOCAB)
    assert state.lang == "zh" and state.basemap == "offline"
    assert state.cities == ("兰州市",)
    assert state.county == "" and state.categories == () and state.doc == "all"
    assert state.text == "" and not state.compare and state.selected == ""
    assert state.zoom == AppState().zoom and state.lat == AppState().lat
    joined = " ".join(notices)
    assert state.unit == ""
    for name in ("unit=lead:某局", "lang=fr", "basemap=google", "city=北京市", "county=110101", "cat=nonsense",
                 "doc=1999", "compare=yes", "z=99", "lat=abc", "sel=zz", "q"):
        assert name in joined


def test_view_parameters_are_read():
    state, notices = parse({"lat": "36.5", "lon": "101.7", "z": "9"}, VOCAB)
    assert (state.lat, state.lon, state.zoom) == (36.5, 101.7, 9)
    assert notices == []


def test_empty_layers_parameter_means_no_layers():
    state, _ = parse({"layers": ""}, VOCAB)
    assert state.layers == ()


def test_every_parameter_row_round_trips_through_the_url_and_the_widgets():
    from app.shareable_state import PARAMS, session_values, state_of
    state = AppState(lang="en", basemap="osm", cities=("西宁市",), located_only=True, unit="lead:兰州市政府",
                     county="630106",
                     categories=("water",),
                     modes=("railway",), doc="plan2018", text="铁路", compare=True, layers=("rail",), selected="tr-x",
                     place="pl-x", view_mode="side")
    assert {p.field for p in PARAMS} <= set(AppState.__dataclass_fields__)
    assert set(to_params(state, VOCAB)) == {p.key for p in PARAMS}
    session = session_values(state)
    assert state_of(session, VOCAB) == state
    assert all(p.session_key() in session for p in PARAMS if p.widget)


def test_filters_are_read_from_the_state_by_field_name():
    from app.shareable_state import filters_of
    filters = filters_of(AppState(cities=("兰州市",), modes=("railway",), doc="both", text="x"))
    assert (filters.cities, filters.modes, filters.doc, filters.text) == (("兰州市",), ("railway",), "both", "x")


def test_widget_values_streamlit_dropped_come_back_from_the_last_state():
    import logging

    from app.shareable_state import LAST_STATE, restore_lost_widgets, session_values, state_of
    last = AppState(cities=("兰州市",), doc="both", layers=("counties", "rail"))
    session = {**session_values(last), LAST_STATE: last}
    for key in ("w_cities", "w_layers_group_base", "w_layers_group_transport"):
        del session[key]
    assert restore_lost_widgets(session, logging.getLogger("test")) == [
        "w_cities", "w_layers_group_base", "w_layers_group_transport"]
    assert state_of(session, VOCAB) == last
    assert restore_lost_widgets({"w_cities": []}, logging.getLogger("test")) == []  # a first run: nothing to restore


def _named_vocab(counties, context):
    from geo.place_names import city_lookup, county_lookup
    from geo.place_search import load_pinyin
    from dataclasses import replace
    pinyin = load_pinyin()
    return replace(VOCAB, city_names=city_lookup(counties, context, pinyin),
                   county_names=county_lookup(counties, pinyin))


def test_city_and_county_by_any_name_the_page_shows_become_the_canonical_value(counties, context):
    vocab = _named_vocab(counties, context)
    for city, county in (("Xining", "Huangzhong District"), ("xining", "huangzhong"), ("XININGSHI", "湟中区"),
                         ("西宁市", "630106"), ("xi ning", "huangzhongqu")):
        state, notices = parse({"city": city, "county": county}, vocab)
        assert notices == [] and state.cities == ("西宁市",) and state.county == "630106", (city, county)
        assert to_params(state, vocab) == {"city": "西宁市", "county": "630106"}  # the address rewritten


def test_a_city_named_twice_is_one_city_and_an_unknown_name_still_a_notice(counties, context):
    state, notices = parse({"city": "Lanzhou,兰州市,xining,Atlantis"}, _named_vocab(counties, context))
    assert state.cities == ("兰州市", "西宁市")
    assert notices == ["city=Atlantis"]
