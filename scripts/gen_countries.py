#!/usr/bin/env python3
"""Generates data/countries.tsv from Debian's iso-codes (ISO 3166-1).

Source: /usr/share/iso-codes/json/iso_3166-1.json from the Debian package
iso-codes 4.15 (LGPL-2.1+). Every ISO 3166-1 entry becomes one line:

    alpha3 <TAB> name <TAB> aliases (|-separated)

`name` is the short English name news agencies use ("Russia", "Britain",
"Ivory Coast"); the ISO name, common name and official name become aliases,
together with the abbreviations and older names listed in EXTRA below (our
own compilation of public facts, MIT like the rest of detente). Kosovo (XKX,
a user-assigned code widely used for it) is added by hand.

Usage: scripts/gen_countries.py [iso_3166-1.json] > data/countries.tsv
"""
import json
import sys

# alpha3 -> (news name or None to keep the ISO/common name, extra aliases)
EXTRA = {
    "USA": ("United States", ["U.S.", "US", "USA", "U.S.A.", "America",
                              "United States of America", "the United States"]),
    "GBR": ("Britain", ["United Kingdom", "U.K.", "UK", "Great Britain",
                        "United Kingdom of Great Britain and Northern Ireland"]),
    "RUS": ("Russia", ["Russian Federation"]),
    "CHN": ("China", ["People's Republic of China", "PRC", "mainland China"]),
    "TWN": ("Taiwan", ["Republic of China", "Chinese Taipei"]),
    "KOR": ("South Korea", ["Republic of Korea", "ROK", "S. Korea"]),
    "PRK": ("North Korea", ["DPRK", "N. Korea"]),
    "IRN": ("Iran", ["Persia"]),
    "SYR": ("Syria", []),
    "TUR": ("Turkey", ["Türkiye", "Turkiye", "Republic of Türkiye"]),
    "ARE": ("United Arab Emirates", ["UAE", "U.A.E.", "the Emirates", "Emirates"]),
    "SAU": ("Saudi Arabia", ["Kingdom of Saudi Arabia", "KSA"]),
    "PSE": ("Palestine", ["State of Palestine", "Palestinian territories",
                          "Palestinian Territories", "occupied Palestinian territories"]),
    "ISR": ("Israel", ["State of Israel"]),
    "COD": ("Democratic Republic of Congo", ["Democratic Republic of the Congo", "DRC",
                                             "DR Congo", "D.R. Congo", "Congo", "Congo-Kinshasa"]),
    "COG": ("Republic of Congo", ["Republic of the Congo", "Congo-Brazzaville",
                                  "Congo Republic"]),
    "CIV": ("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"]),
    "CZE": ("Czech Republic", ["Czechia"]),
    "MMR": ("Myanmar", ["Burma"]),
    "CPV": ("Cape Verde", ["Cabo Verde"]),
    "SWZ": ("Eswatini", ["Swaziland"]),
    "MKD": ("North Macedonia", ["Macedonia", "Republic of North Macedonia"]),
    "TLS": ("East Timor", ["Timor-Leste"]),
    "VAT": ("Vatican", ["Holy See", "Vatican City", "the Holy See"]),
    "VNM": ("Vietnam", ["Viet Nam"]),
    "LAO": ("Laos", ["Lao PDR"]),
    "BOL": ("Bolivia", []),
    "VEN": ("Venezuela", []),
    "TZA": ("Tanzania", []),
    "MDA": ("Moldova", []),
    "FSM": ("Micronesia", []),
    "BRN": ("Brunei", ["Brunei Darussalam"]),
    "GMB": ("Gambia", ["The Gambia"]),
    "BHS": ("Bahamas", ["The Bahamas"]),
    "NLD": ("Netherlands", ["The Netherlands", "Holland"]),
    "FLK": ("Falkland Islands", ["Falklands", "Malvinas"]),
    "VGB": ("British Virgin Islands", []),
    "VIR": ("U.S. Virgin Islands", ["US Virgin Islands"]),
    "KNA": (None, ["St. Kitts and Nevis", "St Kitts and Nevis"]),
    "LCA": (None, ["St. Lucia", "St Lucia"]),
    "VCT": (None, ["St. Vincent and the Grenadines", "St Vincent and the Grenadines"]),
    "SHN": ("Saint Helena", ["St. Helena"]),
    "MAF": ("Saint Martin", ["St. Martin"]),
    "SXM": ("Sint Maarten", []),
    "BES": ("Caribbean Netherlands", ["Bonaire, Sint Eustatius and Saba", "Bonaire"]),
    "CCK": ("Cocos Islands", ["Cocos (Keeling) Islands"]),
    "HKG": ("Hong Kong", ["Hong Kong SAR"]),
    "MAC": ("Macau", ["Macao"]),
    "BIH": ("Bosnia and Herzegovina", ["Bosnia", "Bosnia-Herzegovina"]),
    "CAF": ("Central African Republic", ["CAR"]),
    "DOM": ("Dominican Republic", []),
    "GNQ": ("Equatorial Guinea", []),
    "GNB": ("Guinea-Bissau", []),
    "PNG": ("Papua New Guinea", ["PNG"]),
    "TTO": ("Trinidad and Tobago", ["Trinidad"]),
    "ATG": ("Antigua and Barbuda", ["Antigua"]),
    "STP": ("Sao Tome and Principe", ["São Tomé and Príncipe"]),
    "KGZ": ("Kyrgyzstan", ["Kyrgyz Republic"]),
    "LBY": ("Libya", []),
    "EGY": ("Egypt", ["Arab Republic of Egypt"]),
    "DEU": ("Germany", ["Federal Republic of Germany"]),
    "FRA": ("France", ["French Republic"]),
    "IRL": ("Ireland", ["Republic of Ireland", "Eire"]),
    "UKR": ("Ukraine", []),
    "BLR": ("Belarus", ["Byelorussia"]),
    "PHL": ("Philippines", ["The Philippines"]),
    "MDV": ("Maldives", ["The Maldives"]),
    "SDN": ("Sudan", []),
    "SSD": ("South Sudan", []),
    "SOM": ("Somalia", []),
    "AFG": ("Afghanistan", []),
    "PAK": ("Pakistan", []),
    "IND": ("India", ["Bharat"]),
    "JPN": ("Japan", []),
    "MEX": ("Mexico", ["United Mexican States"]),
    "BRA": ("Brazil", []),
    "ARG": ("Argentina", []),
    "CHE": ("Switzerland", ["Swiss Confederation"]),
    "VUT": ("Vanuatu", []),
    "REU": ("Réunion", ["Reunion"]),
    "CUW": ("Curaçao", ["Curacao"]),
    "ALA": ("Åland Islands", ["Aland Islands", "Åland"]),
    "BLM": ("Saint Barthélemy", ["St. Barts", "Saint Barthelemy"]),
    "SPM": (None, ["St. Pierre and Miquelon"]),
    "UMI": (None, []),
    "HMD": (None, []),
    "SGS": (None, []),
    "ATF": (None, []),
    "IOT": (None, ["Chagos Islands", "Chagos Archipelago"]),
}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-1.json"
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    entries.append({"alpha_3": "XKX", "name": "Kosovo", "official_name": "Republic of Kosovo"})
    out = sys.stdout
    out.write("# alpha3\tname\taliases (|-separated)\n")
    out.write("# Generated by scripts/gen_countries.py from Debian iso-codes 4.15 "
              "(ISO 3166-1, LGPL-2.1+) plus news names and aliases; do not edit by hand.\n")
    for e in sorted(entries, key=lambda e: e["alpha_3"]):
        code = e["alpha_3"]
        news, extra = (EXTRA.get(code) or (None, []))
        iso = e["name"]
        name = news or e.get("common_name") or iso
        aliases = []
        for a in [iso, e.get("common_name"), e.get("official_name")] + extra:
            if not a:
                continue
            if a.startswith("the "):
                a = a[4:]
            if a != name and a not in aliases:
                aliases.append(a)
        out.write(f"{code}\t{name}\t{'|'.join(aliases)}\n")


if __name__ == "__main__":
    main()
