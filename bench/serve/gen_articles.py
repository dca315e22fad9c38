#!/usr/bin/env python3
"""Writes N synthetic, varied news articles as JSON lines (deterministic).

Usage: gen_articles.py N OUT.jsonl [SEED]

Articles come in groups: one invented happening (two officials, two
countries, an action, a topic, a date) reported by one to five outlets in
varied wording, sometimes with a differing detail, so the stories stage has
clusters, sources to compare and disagreements to find. Nothing here comes from real articles.
"""
import json
import random
import sys

FIRST = ["Anka", "Tomas", "Mirela", "Jonas", "Helga", "Pavel", "Ines", "Ruben", "Sofia", "Karel",
         "Lena", "Oskar", "Elif", "Marek", "Nora", "Viktor", "Adela", "Teodor", "Maja", "Luca",
         "Greta", "Emil", "Dorota", "Anton", "Klara", "Matei", "Irene", "Samuel", "Vera", "Otto"]
LAST = ["Verhoeven", "Lindqvist", "Oprea", "Petrauskas", "Strand", "Novak", "Carvalho", "Dahl",
        "Marchetti", "Vos", "Bergmann", "Nyberg", "Demir", "Zielinski", "Halvorsen", "Hallberg",
        "Kovacs", "Rusu", "Eriksen", "Ferraro", "Lund", "Horvat", "Sepp", "Tamm", "Varga", "Moreau",
        "Jansen", "Wojcik", "Aalto", "Brandt"]
ROLES = ["foreign minister", "prime minister", "trade envoy", "defence minister", "president",
         "finance minister", "mayor", "central bank governor"]
COUNTRIES = ["Norway", "Portugal", "Romania", "Lithuania", "Sweden", "Czechia", "Italy", "Netherlands",
             "Turkey", "Poland", "Denmark", "Hungary", "Finland", "Estonia", "Croatia", "Austria",
             "Belgium", "Ireland", "Greece", "Slovenia"]
CITIES = ["Oslo", "Lisbon", "Bucharest", "Vilnius", "Stockholm", "Prague", "Rome", "Amsterdam",
          "Ankara", "Warsaw", "Copenhagen", "Budapest", "Helsinki", "Tallinn", "Zagreb", "Vienna",
          "Brussels", "Dublin", "Athens", "Ljubljana"]
ACTIONS = [("met", "talks on"), ("signed an agreement with", "a deal covering"),
           ("criticised", "a dispute over"), ("visited", "a visit focused on"),
           ("accused", "allegations about"), ("praised", "cooperation on"),
           ("threatened sanctions against", "a row over"), ("hosted", "a summit on")]
TOPICS = ["fishing quotas", "rail freight", "energy prices", "grain exports", "border checks",
          "port fees", "wind power", "steel tariffs", "student visas", "flood defences",
          "data cables", "airspace rules", "river pollution", "vaccine supplies", "pension reform",
          "chip factories", "ferry links", "tax treaties", "gas storage", "forest fires"]
OUTLETS = ["Northgate Wire", "The Daily Meridian", "Harbour Times", "Continental Post",
           "Riverbank Herald", "Eastern Ledger", "Atlas Report", "Coastline News",
           "Summit Observer", "Lakeside Gazette", "Granite Tribune", "Morning Compass"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def happening(h, rng):
    """The facts of one real-world event, shared by every article about it."""
    a, b = rng.sample([f"{f} {l}" for f in FIRST for l in LAST[:10]], 2) if rng.random() < 0.5 else \
        (f"{rng.choice(FIRST)} {rng.choice(LAST)}", f"{rng.choice(FIRST)} {rng.choice(LAST)}")
    ca, cb = rng.sample(range(len(COUNTRIES)), 2)
    return {"a": a, "b": b, "ca": ca, "cb": cb, "role_a": rng.choice(ROLES), "role_b": rng.choice(ROLES),
            "action": rng.choice(ACTIONS), "topic": rng.choice(TOPICS), "year": rng.choice([2022, 2023, 2024]),
            "month": rng.randrange(12), "day": rng.randrange(1, 28), "wd": rng.choice(WEEKDAYS),
            "minutes": rng.randrange(20, 240), "h": h}


def article(f, outlet, i, rng):
    verb, noun = f["action"]
    A, B = COUNTRIES[f["ca"]], COUNTRIES[f["cb"]]
    city = CITIES[f["cb"]]
    # Outlets disagree on small facts now and then (duration, venue).
    minutes = f["minutes"] if rng.random() < 0.8 else f["minutes"] + rng.choice([-15, 30, 45])
    venue = city if rng.random() < 0.9 else CITIES[f["ca"]]
    title = rng.choice([
        f"{A}'s {f['role_a']} {verb} {B} counterpart over {f['topic']}",
        f"{f['a']} and {f['b']} in {venue}: {f['topic']} on the table",
        f"{A} and {B} {f['topic']} talks: {f['a']} {verb} {f['b']}"])
    lead = rng.choice([
        f"{venue.upper()}, {MONTHS[f['month']]} {f['day']} ({outlet}) – {A}'s {f['role_a']} {f['a']} {verb} "
        f"{f['b']}, the {f['role_b']} of {B}, on {f['wd']} in {venue}, in {noun} {f['topic']}, officials said.",
        f"{venue.upper()}, {MONTHS[f['month']]} {f['day']} ({outlet}) – {f['b']}, {B}'s {f['role_b']}, and "
        f"{f['a']} of {A} held {noun} {f['topic']} in {venue} on {f['wd']}, their offices said."])
    body = [
        f"The two delegations spent about {minutes} minutes on {f['topic']} before a working lunch, "
        f"according to a statement from the {B} government.",
        rng.choice([f"\"We expect progress on {f['topic']} before the end of the year,\" {f['a']} told reporters.",
                    f"\"There is still a gap between us on {f['topic']},\" {f['b']} said after the meeting."]),
        f"{f['b']} said {B} would send a team to {CITIES[f['ca']]} next month, and that a second round was "
        f"planned for {MONTHS[(f['month'] + 2) % 12]} {f['year']}.",
    ]
    rng.shuffle(body)
    if rng.random() < 0.4:
        body.append(f"Opposition lawmakers in {A} criticised the talks, saying {f['topic']} had been "
                    f"neglected for {rng.randrange(2, 15)} years.")
    return {"title": title, "text": "\n\n".join([lead] + body),
            "published": f"{f['year']}-{f['month'] + 1:02d}-{f['day']:02d}",
            "site": outlet, "url": f"https://news.example/{f['year']}/story-{f['h']}-{i}"}


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    written = 0
    h = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < n:
            facts = happening(h, rng)
            h += 1
            for outlet in rng.sample(OUTLETS, min(n - written, rng.choice([1, 1, 2, 3, 4, 5]))):
                f.write(json.dumps(article(facts, outlet, written, rng), ensure_ascii=False) + "\n")
                written += 1


if __name__ == "__main__":
    main()
