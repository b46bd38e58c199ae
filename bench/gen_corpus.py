#!/usr/bin/env python3
"""Writes N synthetic diplomatic news articles as JSONL, for throughput tests.

    bench/gen_corpus.py -n 1000 --seed 1 > corpus.jsonl
    bench/gen_corpus.py -n 1000 --seed 1 --sentences > sentences.txt

Each article is a headline, a date and 3-8 sentences drawn from the
templates in bench/corpus_templates.txt (meetings, visits, talks, agreements,
sanctions, statements, with dates, places, negation and modality; some 25-40
words long). Names come from the repository's gazetteers in data/ (countries,
demonyms, capitals and cities, organisations, titles) and from the person
names in bench/person_names.txt, so the inventory is large. The same
arguments always give the same output, byte for byte.

--sentences prints the same articles' sentences instead (headline first), one
per line, as plain text: the input for `link-parser` in bench/extract.sh.
"""

import argparse
import datetime
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")

# Title roles that read naturally before a name in every template.
ROLES = {"head_of_state", "head_of_government", "minister", "diplomat"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def read_tsv(name):
    """Rows of a data/ gazetteer, without comments and blank lines."""
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def plain(name):
    # Names with dots, commas or brackets would only test the sentence splitter.
    return not re.search(r"[.,()'/&]", name)


class Inventory:
    def __init__(self):
        self.countries = {}  # alpha3 -> short name
        for row in read_tsv("countries.tsv"):
            if plain(row[1]):
                self.countries[row[0]] = row[1]
        self.demonym = {}  # alpha3 -> first listed adjective
        for row in read_tsv("demonyms.tsv"):
            if row[1] in self.countries and row[1] not in self.demonym and plain(row[0]) \
                    and not row[0].endswith("s") and not row[0].isupper():
                self.demonym[row[1]] = row[0]
        self.capital = {}  # alpha3 -> capital
        self.cities = []
        for row in read_tsv("cities.tsv"):
            if not plain(row[0]):
                continue
            self.cities.append(row[0])
            if row[2] == "1" and row[1] in self.countries:
                self.capital.setdefault(row[1], row[0])
        self.orgs = [r[0] for r in read_tsv("organizations.tsv")
                     if r[1] == "organization" and plain(r[0])]
        self.groups = [r[0] for r in read_tsv("organizations.tsv")
                       if r[1] == "armed_group" and plain(r[0])]
        self.titles = [r[0] for r in read_tsv("titles.tsv")
                       if r[1] in ROLES and r[0][:1].isupper() and plain(r[0])
                       and len(r[0].split()) <= 3 and " of " not in r[0]
                       and "-" not in r[0]]
        first, last = [], []
        with open(os.path.join(HERE, "person_names.txt"), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line.startswith("first:"):
                    first += line[6:].split()
                elif line.startswith("last:"):
                    last += line[5:].split()
        self.first, self.last = first, last
        # Countries usable as a person's state: with a demonym and a capital.
        self.states = sorted(c for c in self.countries if c in self.demonym and c in self.capital)


class Person:
    def __init__(self, rng, inv, country):
        self.first = rng.choice(inv.first)
        self.last = rng.choice(inv.last)
        self.title = rng.choice(inv.titles)
        self.country = country
        self.mentioned = False

    def full(self, inv):
        return "%s %s %s %s" % (inv.demonym[self.country], self.title, self.first, self.last)


def load_templates():
    """Template sections: {name: [template, ...]} from corpus_templates.txt."""
    sections, current = {}, None
    with open(os.path.join(HERE, "corpus_templates.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = sections.setdefault(line[1:-1], [])
            else:
                current.append(line)
    return sections


class Article:
    """Fills templates for one article: two people, their states, a host city."""

    def __init__(self, rng, inv, date):
        self.rng, self.inv, self.date = rng, inv, date
        ca, cb = rng.sample(inv.states, 2)
        self.a, self.b = Person(rng, inv, ca), Person(rng, inv, cb)
        self.c = rng.choice(inv.states)  # a third state
        self.org = rng.choice(inv.orgs)
        self.group = rng.choice(inv.groups)
        self.city = rng.choice(inv.cities)

    def person(self, p):
        # Full name with title at first mention, then the surname.
        if not p.mentioned:
            p.mentioned = True
            return p.full(self.inv)
        return p.last

    def when(self):
        r = self.rng.random()
        if r < 0.5:
            return "on " + self.rng.choice(WEEKDAYS)
        if r < 0.8:
            d = self.date - datetime.timedelta(days=self.rng.randint(0, 20))
            return "on %s %d" % (MONTHS[d.month - 1], d.day)
        # Past or present only: most templates are in the past tense.
        return self.rng.choice(["last week", "this week", "earlier this month", "yesterday"])

    def fill(self, template):
        inv, rng = self.inv, self.rng

        def slot(m):
            key = m.group(1)
            if key == "A":
                return self.person(self.a)
            if key == "B":
                return self.person(self.b)
            if key == "Alast":
                return self.a.last
            if key == "Blast":
                return self.b.last
            if key == "CA":
                return inv.countries[self.a.country]
            if key == "CB":
                return inv.countries[self.b.country]
            if key == "CC":
                return inv.countries[self.c]
            if key == "DA":
                return inv.demonym[self.a.country]
            if key == "DB":
                return inv.demonym[self.b.country]
            if key == "CAPA":
                return inv.capital[self.a.country]
            if key == "CAPB":
                return inv.capital[self.b.country]
            if key == "CITY":
                return self.city
            if key == "ORG":
                return self.org
            if key == "GROUP":
                return self.group
            if key == "WHEN":
                return self.when()
            if key == "N":
                return str(rng.randint(2, 40))
            raise KeyError("unknown slot {%s} in template: %s" % (key, template))

        text = re.sub(r"\{(\w+)\}", slot, template)
        return text[0].upper() + text[1:]


def generate(n, seed):
    """Yields (doc, sentences) for n articles."""
    inv = Inventory()
    sections = load_templates()
    rng = random.Random(seed)
    body = [s for s in sections if s != "headline"]
    start = datetime.date(2024, 1, 1)
    for i in range(n):
        date = start + datetime.timedelta(days=rng.randint(0, 364))
        art = Article(rng, inv, date)
        # The headline names the people by surname, as headlines do; the body
        # then introduces them in full.
        headline = rng.choice(sections["headline"])
        title = art.fill(headline)
        art.a.mentioned = art.b.mentioned = False
        sentences = []
        for _ in range(rng.randint(3, 8)):
            sentences.append(art.fill(rng.choice(sections[rng.choice(body)])))
        doc = {"id": "gen-%06d" % (i + 1), "title": title, "date": date.isoformat(),
               "text": " ".join(sentences)}
        yield doc, [title] + sentences


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--articles", type=int, default=1000, help="articles to write")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--sentences", action="store_true",
                    help="print the sentences, one per line, instead of JSONL")
    args = ap.parse_args()
    if args.articles < 0:
        ap.error("-n must be >= 0")
    out = sys.stdout
    for doc, sentences in generate(args.articles, args.seed):
        if args.sentences:
            for s in sentences:
                out.write(s + "\n")
        else:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
