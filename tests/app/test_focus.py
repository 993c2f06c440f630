from app.focus import settle_focus


def _session(**values):
    base = {"place": "", "selected": "", "w_county": "", "w_cities": []}
    return {**base, **values}


def test_a_link_keeps_every_choice():
    session = _session(place="p1", selected="r1", w_county="620102", w_cities=["兰州市"])
    settle_focus(session)
    assert (session["place"], session["selected"]) == ("p1", "r1")


def test_a_newer_city_or_county_clears_the_place_and_the_record():
    session = _session(place="p1", selected="r1")
    settle_focus(session)
    session["w_cities"] = ["兰州市"]
    settle_focus(session)
    assert (session["place"], session["selected"]) == ("", "")


def test_a_newer_record_clears_the_place_but_not_the_filters():
    session = _session(place="p1", w_cities=["兰州市"])
    settle_focus(session)
    session["selected"] = "r1"
    settle_focus(session)
    assert (session["place"], session["selected"], session["w_cities"]) == ("", "r1", ["兰州市"])


def test_a_newer_place_keeps_the_rest():
    session = _session(selected="r1", w_county="620102", w_cities=["兰州市"])
    settle_focus(session)
    session["place"] = "p1"
    settle_focus(session)
    assert (session["place"], session["selected"], session["w_county"]) == ("p1", "r1", "620102")


def test_an_unchanged_state_changes_nothing():
    session = _session(place="p1", w_cities=["兰州市"])
    settle_focus(session)
    settle_focus(session)
    assert session["place"] == "p1"
