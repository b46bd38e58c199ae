#!/usr/bin/env python3
"""Generates data/demonyms.tsv: demonym <TAB> alpha3.

Our own compilation of public facts (MIT, like the rest of detente). Each
entry below is "Adjective ALPHA3" optionally followed by "= noun forms"
(comma-separated) when the people are called otherwise ("Polish = Pole,
Poles"). Plurals are derived for adjectives that are also nouns
("Egyptian" -> "Egyptians", "Israeli" -> "Israelis"); adjectives in -ese,
-ish, -ch, -sh and -ss ("Chinese", "British", "French", "Swiss") have none.

Usage: scripts/gen_demonyms.py > data/demonyms.tsv
"""
import sys

TABLE = """
Afghan AFG
Albanian ALB
Algerian DZA
American USA
U.S. USA
US USA
Andorran AND
Angolan AGO
Antiguan ATG
Argentine ARG
Argentinian ARG
Armenian ARM
Australian AUS
Austrian AUT
Azerbaijani AZE
Azeri AZE
Bahamian BHS
Bahraini BHR
Bangladeshi BGD
Barbadian BRB
Belarusian BLR
Belgian BEL
Belizean BLZ
Beninese BEN
Bhutanese BTN
Bolivian BOL
Bosnian BIH
Botswanan BWA = Motswana, Batswana
Brazilian BRA
British GBR = Briton, Britons
U.K. GBR
UK GBR
English GBR
Scottish GBR = Scot, Scots
Welsh GBR
Northern Irish GBR
Bruneian BRN
Bulgarian BGR
Burkinabe BFA
Burkinabè BFA
Burmese MMR
Burundian BDI
Cambodian KHM
Cameroonian CMR
Canadian CAN
Cape Verdean CPV
Central African CAF
Chadian TCD
Chilean CHL
Chinese CHN
Colombian COL
Comoran COM
Comorian COM
Congolese COD
Costa Rican CRI
Croatian HRV = Croat, Croats
Cuban CUB
Cypriot CYP
Greek Cypriot CYP
Czech CZE = Czechs
Danish DNK = Dane, Danes
Djiboutian DJI
Dominican DOM
Dutch NLD = Dutchman, Dutchmen
East Timorese TLS
Timorese TLS
Ecuadorian ECU
Ecuadorean ECU
Egyptian EGY
Emirati ARE
Equatorial Guinean GNQ
Equatoguinean GNQ
Eritrean ERI
Estonian EST
Eswatini SWZ
Swazi SWZ
Ethiopian ETH
Fijian FJI
Filipino PHL = Filipinos, Filipina, Filipinas
Philippine PHL
Finnish FIN = Finn, Finns
French FRA = Frenchman, Frenchmen, Frenchwoman
Gabonese GAB
Gambian GMB
Georgian GEO
German DEU
Ghanaian GHA
Greek GRC
Grenadian GRD
Guatemalan GTM
Guinean GIN
Bissau-Guinean GNB
Guyanese GUY
Haitian HTI
Honduran HND
Hong Konger HKG
Hungarian HUN
Icelandic ISL = Icelander, Icelanders
Indian IND
Indonesian IDN
Iranian IRN
Iraqi IRQ
Irish IRL = Irishman, Irishmen
Israeli ISR
Italian ITA
Ivorian CIV
Jamaican JAM
Japanese JPN
Jordanian JOR
Kazakh KAZ
Kazakhstani KAZ
Kenyan KEN
I-Kiribati KIR
Kosovar XKX
Kosovan XKX
Kuwaiti KWT
Kyrgyz KGZ
Laotian LAO
Lao LAO
Latvian LVA
Lebanese LBN
Basotho LSO
Liberian LBR
Libyan LBY
Liechtensteiner LIE
Lithuanian LTU
Luxembourgish LUX = Luxembourger, Luxembourgers
Macanese MAC
Malagasy MDG
Malawian MWI
Malaysian MYS
Maldivian MDV
Malian MLI
Maltese MLT
Marshallese MHL
Mauritanian MRT
Mauritian MUS
Mexican MEX
Micronesian FSM
Moldovan MDA
Monegasque MCO
Mongolian MNG
Montenegrin MNE
Moroccan MAR
Mozambican MOZ
Namibian NAM
Nauruan NRU
Nepali NPL
Nepalese NPL
New Zealand NZL = New Zealander, New Zealanders
Nicaraguan NIC
Nigerien NER
Nigerian NGA
North Korean PRK
North Macedonian MKD
Macedonian MKD
Norwegian NOR
Omani OMN
Pakistani PAK
Palauan PLW
Palestinian PSE
Gazan PSE
Panamanian PAN
Papua New Guinean PNG
Paraguayan PRY
Peruvian PER
Polish POL = Pole, Poles
Portuguese PRT
Puerto Rican PRI
Qatari QAT
Romanian ROU
Russian RUS
Rwandan RWA
Saint Lucian LCA
Salvadoran SLV
Salvadorean SLV
Samoan WSM
Sammarinese SMR
Sao Tomean STP
Saudi SAU
Saudi Arabian SAU
Senegalese SEN
Serbian SRB = Serb, Serbs
Seychellois SYC
Sierra Leonean SLE
Singaporean SGP
Slovak SVK = Slovaks
Slovakian SVK
Slovenian SVN
Slovene SVN
Solomon Islander SLB
Somali SOM
Somalian SOM
South African ZAF
South Korean KOR
South Sudanese SSD
Spanish ESP = Spaniard, Spaniards
Sri Lankan LKA
Sudanese SDN
Surinamese SUR
Swedish SWE = Swede, Swedes
Swiss CHE
Syrian SYR
Taiwanese TWN
Tajik TJK
Tajikistani TJK
Tanzanian TZA
Thai THA
Togolese TGO
Tongan TON
Trinidadian TTO
Tunisian TUN
Turkish TUR = Turk, Turks
Turkmen TKM
Tuvaluan TUV
Ugandan UGA
Ukrainian UKR
Uruguayan URY
Uzbek UZB
Uzbekistani UZB
Vanuatuan VUT
Ni-Vanuatu VUT
Vatican VAT
Venezuelan VEN
Vietnamese VNM
Yemeni YEM
Zambian ZMB
Zimbabwean ZWE
Kittitian KNA
Vincentian VCT
Greenlandic GRL = Greenlander, Greenlanders
Faroese FRO
Bermudian BMU
Caymanian CYM
Curaçaoan CUW
Aruban ABW
Gibraltarian GIB
Falkland Islander FLK
Tibetan CHN
Uyghur CHN
Crimean UKR
Chechen RUS
Catalan ESP
Basque ESP
Flemish BEL
Kurdish IRQ
"""

NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "sh", "ss", "ois", "asy", "que", "i-Kiribati")
NO_PLURAL = {"U.S.", "US", "U.K.", "UK", "Lao", "Vatican", "Kyrgyz", "Turkmen", "Basotho",
             "Philippine", "Eswatini", "Greenlandic", "Icelandic", "Luxembourgish",
             "Welsh", "I-Kiribati", "Ni-Vanuatu", "New Zealand", "Macanese", "Kurdish",
             "Crimean"}

# Ethnic or regional adjectives that would wrongly name a country are left
# out of the generated file: a Kurdish party is not an Iraqi one.
SKIP = {"Kurdish", "Tibetan", "Uyghur", "Catalan", "Basque", "Flemish", "Chechen", "Crimean"}


def main():
    out = sys.stdout
    out.write("# demonym\talpha3\n")
    out.write("# Generated by scripts/gen_demonyms.py (own compilation of public facts, MIT); "
              "adjectives, nouns and plurals.\n")
    seen = set()
    for line in TABLE.strip().splitlines():
        forms, _, nouns = line.partition("=")
        words = forms.split()
        adj, code = " ".join(words[:-1]), words[-1]
        if adj in SKIP:
            continue
        names = [adj]
        if nouns:
            names += [n.strip() for n in nouns.split(",") if n.strip()]
        elif adj not in NO_PLURAL and not adj.endswith(NO_PLURAL_ENDINGS):
            names.append(adj + "s")
        for n in names:
            if n not in seen:
                seen.add(n)
                out.write(f"{n}\t{code}\n")


if __name__ == "__main__":
    main()
