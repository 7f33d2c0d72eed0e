"""Regenerate src/detente/data/actors/countries.tsv (maintainer tool, not run at install).

Country codes and ISO names are seeded from pycountry (ISO 3166-1); everything else
(news-style names, aliases, adjectives/demonyms, capitals and metonymic capital names,
approximate centroids) is hand-written below by the detente authors from public
knowledge.  CAMEO codes follow the ISO alpha-3 code except where CAMEO differs
(see CAMEO_OVERRIDES).  Kosovo, which has no ISO 3166-1 entry, is added by hand.

Usage (pycountry is a build-time dependency only, not a runtime one):
    python tools/build_countries.py            # writes the TSV
    python tools/build_countries.py --check    # compare with the committed TSV

Alias-clash policy (no string may resolve to two different countries):
  * "Congo"/"Congolese" -> COD (DR Congo, the usual news meaning); the Republic of the
    Congo is "Republic of Congo", "Congo-Brazzaville", "Congo Republic".
  * "Guinea"/"Guinean" -> GIN only; the others need their full names.
  * "Korea"/"Korean" -> KOR; North Korea only by its full names / DPRK.
  * "Dominican" -> DOM (Dominican Republic); Dominica has no adjective entry.
  * "Samoa"/"Samoan" -> WSM; American Samoa by full name only.
  * "Virgin Islands" is given to no entry (US and British both exist).
  * "China"/"Chinese" -> CHN; "Republic of China" -> TWN (longest match wins).
  * "Georgia"/"Georgian" -> GEO (the US state is a matcher problem, see README).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/detente/data/actors/countries.tsv"
HEADER = ["code", "iso2", "name", "aliases", "adjectives", "capital", "capital_aliases", "lat", "lon"]

# ISO alpha-3 -> CAMEO code where CAMEO keeps an older/different code.
CAMEO_OVERRIDES = {"ROU": "ROM", "MNE": "MTN", "TLS": "TMP", "IMN": "IMY"}

# Entries ISO 3166-1 lacks: (cameo_code, iso2).  KSV: the code used by CAMEO-family
# actor dictionaries for Kosovo (ISO user-assigned XK; World Bank XKX).  ANT: the
# Netherlands Antilles (dissolved 2010, ISO code AN withdrawn), kept for older text.
EXTRA = {"KSV": "XK", "ANT": "AN"}

# ISO names withheld from an entry's aliases because they would clash (see policy above).
DROP_ISO_NAMES = {"COG": {"Congo"}}

# One line per entry, ';'-separated:
# ISO3 ; news name (blank = pycountry common/short name) ; aliases ; adjectives ;
# capital (first of |-list; the rest become aliases) ; capital aliases ; lat ; lon
DATA = r"""
ABW;;;Aruban|Arubans;;;12.52;-69.97
AFG;;Islamic Emirate of Afghanistan;Afghan|Afghans;Kabul;;33.93;67.71
AGO;;;Angolan|Angolans;Luanda;;-11.20;17.87
AIA;;;Anguillan|Anguillans;;;18.22;-63.06
ALA;;Aland Islands|Aland;Alandic;;;60.18;19.92
ALB;;;Albanian|Albanians;Tirana|Tirane;;41.15;20.17
AND;;;Andorran|Andorrans;Andorra la Vella;;42.55;1.60
ARE;;UAE|U.A.E.|Emirates;Emirati|Emiratis;Abu Dhabi;;23.42;53.85
ARG;;;Argentine|Argentines|Argentinian|Argentinians;Buenos Aires;;-38.42;-63.62
ARM;;;Armenian|Armenians;Yerevan;;40.07;45.04
ASM;;;;;;-14.27;-170.70
ATA;;;;;;-75.25;-0.07
ATF;;;;;;-49.28;69.35
ATG;;Antigua;Antiguan|Antiguans;Saint John's|St. John's;;17.06;-61.80
AUS;;Commonwealth of Australia;Australian|Australians|Aussie|Aussies;Canberra;;-25.27;133.78
AUT;;;Austrian|Austrians;Vienna;Wien;47.52;14.55
AZE;;;Azerbaijani|Azerbaijanis|Azeri|Azeris;Baku;;40.14;47.58
BDI;;;Burundian|Burundians;Gitega;Bujumbura;-3.37;29.92
BEL;;;Belgian|Belgians;Brussels;;50.50;4.47
BEN;;Dahomey;Beninese;Porto-Novo;Cotonou;9.31;2.32
BES;;Caribbean Netherlands;;;;12.18;-68.24
BFA;;Upper Volta;Burkinabe|Burkinabè;Ouagadougou;;12.24;-1.56
BGD;;;Bangladeshi|Bangladeshis;Dhaka|Dacca;;23.68;90.36
BGR;;;Bulgarian|Bulgarians;Sofia;;42.73;25.49
BHR;;;Bahraini|Bahrainis;Manama;;26.07;50.56
BHS;The Bahamas;Bahamas;Bahamian|Bahamians;Nassau;;25.03;-77.40
BIH;;Bosnia-Herzegovina|Bosnia|BiH;Bosnian|Bosnians|Herzegovinian;Sarajevo;;43.92;17.68
BLM;;Saint Barthelemy|St. Barts|St Barths;;;;17.90;-62.83
BLR;;Byelorussia|Belorussia;Belarusian|Belarusians|Belarussian|Byelorussian;Minsk;;53.71;27.95
BLZ;;British Honduras;Belizean|Belizeans;Belmopan;;17.19;-88.50
BMU;;;Bermudian|Bermudians;;;32.32;-64.76
BOL;;;Bolivian|Bolivians;Sucre;La Paz;-16.29;-63.59
BRA;;;Brazilian|Brazilians;Brasilia|Brasília;;-14.24;-51.93
BRB;;;Barbadian|Barbadians|Bajan|Bajans;Bridgetown;;13.19;-59.54
BRN;Brunei;Brunei Darussalam;Bruneian|Bruneians;Bandar Seri Begawan;;4.54;114.73
BTN;;;Bhutanese;Thimphu;;27.51;90.43
BVT;;;;;;-54.42;3.41
BWA;;;Botswanan|Motswana|Batswana;Gaborone;;-22.33;24.68
CAF;;CAR|Centrafrique;Central African|Central Africans;Bangui;;6.61;20.94
CAN;;;Canadian|Canadians;Ottawa;;56.13;-106.35
CCK;;Cocos Islands|Keeling Islands;;;;-12.16;96.87
CHE;;;Swiss;Bern;Berne;46.82;8.23
CHL;;;Chilean|Chileans;Santiago;;-35.68;-71.54
CHN;;PRC|P.R.C.|Mainland China|People's Republic of China|Communist China;Chinese;Beijing;Peking;35.86;104.20
CIV;Ivory Coast;Côte d'Ivoire|Cote d'Ivoire|Cote dIvoire;Ivorian|Ivorians;Yamoussoukro;Abidjan;7.54;-5.55
CMR;;;Cameroonian|Cameroonians;Yaounde|Yaoundé;;7.37;12.35
COD;Democratic Republic of the Congo;Congo|DRC|D.R.C.|DR Congo|D.R. Congo|DRCongo|Democratic Republic of Congo|Congo-Kinshasa|Zaire;Congolese;Kinshasa;;-4.04;21.76
COG;Republic of the Congo;Republic of Congo|Congo Republic|Congo-Brazzaville;;Brazzaville;;-0.23;15.83
COK;;;Cook Islander|Cook Islanders;;;-21.24;-159.78
COL;;;Colombian|Colombians;Bogota|Bogotá;;4.57;-74.30
COM;;;Comorian|Comorians|Comoran;Moroni;;-11.88;43.87
CPV;Cape Verde;Cabo Verde;Cape Verdean|Cape Verdeans|Cabo Verdean;Praia;;16.00;-24.01
CRI;;;Costa Rican|Costa Ricans;San Jose|San José;;9.75;-83.75
CUB;;;Cuban|Cubans;Havana;;21.52;-77.78
CUW;;Curacao;Curaçaoan|Curacaoan;;;12.17;-68.99
CXR;;;;;;-10.45;105.69
CYM;;Caymans;Caymanian|Caymanians;;;19.51;-80.57
CYP;;;Cypriot|Cypriots|Greek Cypriot|Greek Cypriots;Nicosia;;35.13;33.43
CZE;Czech Republic;Czechia;Czech|Czechs;Prague;Praha;49.82;15.47
DEU;;FRG|Deutschland;German|Germans;Berlin;Bonn;51.17;10.45
DJI;;;Djiboutian|Djiboutians;Djibouti City;;11.83;42.59
DMA;;;;Roseau;;15.41;-61.37
DNK;;;Danish|Dane|Danes;Copenhagen;;56.26;9.50
DOM;;;Dominican|Dominicans;Santo Domingo;;18.74;-70.16
DZA;;;Algerian|Algerians;Algiers;;28.03;1.66
ECU;;;Ecuadorian|Ecuadorians|Ecuadoran;Quito;;-1.83;-78.18
EGY;;;Egyptian|Egyptians;Cairo;;26.82;30.80
ERI;;;Eritrean|Eritreans;Asmara;;15.18;39.78
ESH;;Sahrawi Arab Democratic Republic|SADR;Sahrawi|Sahrawis|Saharawi|Saharawis;;;24.22;-12.89
ESP;;;Spanish|Spaniard|Spaniards;Madrid;;40.46;-3.75
EST;;;Estonian|Estonians;Tallinn;;58.60;25.01
ETH;;Abyssinia;Ethiopian|Ethiopians;Addis Ababa;;9.15;40.49
FIN;;;Finnish|Finn|Finns;Helsinki;;61.92;25.75
FJI;;;Fijian|Fijians;Suva;;-17.71;178.07
FLK;Falkland Islands;Falklands|Malvinas|Islas Malvinas;Falkland Islander|Falkland Islanders;;;-51.80;-59.52
FRA;;;French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen;Paris;;46.23;2.21
FRO;;Faeroe Islands|Faroes;Faroese;;;61.89;-6.91
FSM;Micronesia;Federated States of Micronesia;Micronesian|Micronesians;Palikir;;6.92;158.16
GAB;;;Gabonese;Libreville;;-0.80;11.61
GBR;;UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland;British|Briton|Britons|Brit|Brits|UK;London;;55.38;-3.44
GEO;;;Georgian|Georgians;Tbilisi;;42.32;43.36
GGY;;;;;;49.47;-2.59
GHA;;Gold Coast;Ghanaian|Ghanaians;Accra;;7.95;-1.02
GIB;;;Gibraltarian|Gibraltarians;;;36.14;-5.35
GIN;;Guinea-Conakry;Guinean|Guineans;Conakry;;9.95;-9.70
GLP;;;Guadeloupean;;;16.27;-61.55
GMB;The Gambia;Gambia;Gambian|Gambians;Banjul;;13.44;-15.31
GNB;;Guinea Bissau;Bissau-Guinean|Bissau-Guineans;Bissau;;11.80;-15.18
GNQ;;;Equatorial Guinean|Equatoguinean|Equatoguineans;Malabo;;1.65;10.27
GRC;;Hellas;Greek|Greeks|Hellenic;Athens;;39.07;21.82
GRD;;;Grenadian|Grenadians;Saint George's|St. George's;;12.26;-61.60
GRL;;;Greenlandic|Greenlander|Greenlanders;;;71.71;-42.60
GTM;;;Guatemalan|Guatemalans;Guatemala City;;15.78;-90.23
GUF;;;;;;3.93;-53.13
GUM;;;Guamanian|Guamanians;;;13.44;144.79
GUY;;;Guyanese;Georgetown;;4.86;-58.93
HKG;;Hong Kong SAR;Hong Konger|Hong Kongers;;;22.32;114.17
HMD;;;;;;-53.08;73.50
HND;;;Honduran|Hondurans;Tegucigalpa;;15.20;-86.24
HRV;;;Croatian|Croatians|Croat|Croats;Zagreb;;45.10;15.20
HTI;;;Haitian|Haitians;Port-au-Prince;;18.97;-72.29
HUN;;;Hungarian|Hungarians|Magyar|Magyars;Budapest;;47.16;19.50
IDN;;;Indonesian|Indonesians;Jakarta;;-0.79;113.92
IMN;;;Manx;;;54.24;-4.55
IND;;Bharat;Indian|Indians;New Delhi;Delhi;20.59;78.96
IOT;;;;;;-6.34;71.88
IRL;;Republic of Ireland|Eire|Éire;Irish|Irishman|Irishmen;Dublin;;53.41;-8.24
IRN;;Islamic Republic of Iran|Persia;Iranian|Iranians;Tehran;Teheran;32.43;53.69
IRQ;;;Iraqi|Iraqis;Baghdad;;33.22;43.68
ISL;;;Icelandic|Icelander|Icelanders;Reykjavik|Reykjavík;;64.96;-19.02
ISR;;;Israeli|Israelis;Jerusalem;Tel Aviv;31.05;34.85
ITA;;;Italian|Italians;Rome;;41.87;12.57
JAM;;;Jamaican|Jamaicans;Kingston;;18.11;-77.30
JEY;;Bailiwick of Jersey;;;;49.21;-2.13
JOR;;;Jordanian|Jordanians;Amman;;30.59;36.24
JPN;;;Japanese;Tokyo;;36.20;138.25
KAZ;;;Kazakh|Kazakhs|Kazakhstani|Kazakhstanis;Astana;Nur-Sultan|Akmola;48.02;66.92
KEN;;;Kenyan|Kenyans;Nairobi;;-0.02;37.91
KGZ;;Kirghizia|Kirgizia;Kyrgyz|Kirghiz|Kyrgyzstani;Bishkek;;41.20;74.77
KHM;;Kampuchea;Cambodian|Cambodians|Khmer;Phnom Penh;;12.57;104.99
KIR;;;I-Kiribati;Tarawa|South Tarawa;;1.45;172.98
KNA;;Saint Kitts-Nevis|St. Kitts and Nevis|St Kitts and Nevis|St. Kitts;Kittitian|Kittitians;Basseterre;;17.36;-62.78
KOR;;Republic of Korea|ROK|R.O.K.|Korea;Korean|Koreans|South Korean|South Koreans;Seoul;;35.91;127.77
KWT;;;Kuwaiti|Kuwaitis;Kuwait City;;29.31;47.48
LAO;Laos;Lao PDR;Lao|Laotian|Laotians;Vientiane;;19.86;102.50
LBN;;;Lebanese;Beirut;;33.85;35.86
LBR;;;Liberian|Liberians;Monrovia;;6.43;-9.43
LBY;;;Libyan|Libyans;Tripoli;;26.34;17.23
LCA;;St. Lucia|St Lucia;Saint Lucian|Saint Lucians;Castries;;13.91;-60.98
LIE;;;Liechtensteiner|Liechtensteiners;Vaduz;;47.17;9.56
LKA;;Ceylon;Sri Lankan|Sri Lankans;Sri Jayawardenepura Kotte;Colombo;7.87;80.77
LSO;;;Basotho|Mosotho;Maseru;;-29.61;28.23
LTU;;;Lithuanian|Lithuanians;Vilnius;;55.17;23.88
LUX;;;Luxembourgish|Luxembourger|Luxembourgers;Luxembourg City;;49.82;6.13
LVA;;;Latvian|Latvians;Riga;;56.88;24.60
MAC;Macao;Macau;Macanese;;;22.20;113.54
MAF;;Saint-Martin;;;;18.08;-63.05
MAR;;;Moroccan|Moroccans;Rabat;;31.79;-7.09
MCO;;;Monegasque|Monegasques;;;43.74;7.42
MDA;;Moldavia;Moldovan|Moldovans;Chisinau|Chişinău|Chișinău;Kishinev;47.41;28.37
MDG;;;Malagasy|Madagascan;Antananarivo;;-18.77;46.87
MDV;;;Maldivian|Maldivians;Malé;;3.20;73.22
MEX;;;Mexican|Mexicans;Mexico City;;23.63;-102.55
MHL;;;Marshallese;Majuro;;7.13;171.18
MKD;North Macedonia;Macedonia|Former Yugoslav Republic of Macedonia|FYROM;Macedonian|Macedonians|North Macedonian;Skopje;;41.61;21.75
MLI;;;Malian|Malians;Bamako;;17.57;-4.00
MLT;;;Maltese;Valletta;;35.94;14.38
MMR;;Burma;Burmese|Myanmarese;Naypyidaw;Nay Pyi Taw|Naypyitaw;21.91;95.96
MNE;;;Montenegrin|Montenegrins;Podgorica;;42.71;19.37
MNG;;;Mongolian|Mongolians;Ulaanbaatar;Ulan Bator;46.86;103.85
MNP;;;;;;15.10;145.67
MOZ;;;Mozambican|Mozambicans;Maputo;;-18.67;35.53
MRT;;;Mauritanian|Mauritanians;Nouakchott;;21.01;-10.94
MSR;;;Montserratian;;;16.74;-62.19
MTQ;;;Martinican|Martiniquais;;;14.64;-61.02
MUS;;;Mauritian|Mauritians;Port Louis;;-20.35;57.55
MWI;;Nyasaland;Malawian|Malawians;Lilongwe;;-13.25;34.30
MYS;;;Malaysian|Malaysians;Kuala Lumpur;Putrajaya;4.21;101.98
MYT;;;Mahoran;;;-12.83;45.17
NAM;;South West Africa;Namibian|Namibians;Windhoek;;-22.96;18.49
NCL;;Kanaky;New Caledonian|New Caledonians;;;-20.90;165.62
NER;;;Nigerien|Nigeriens;Niamey;;17.61;8.08
NFK;;;;;;-29.04;167.95
NGA;;;Nigerian|Nigerians;Abuja;;9.08;8.68
NIC;;;Nicaraguan|Nicaraguans;Managua;;12.87;-85.21
NIU;;;Niuean|Niueans;;;-19.05;-169.87
NLD;;Holland;Dutch|Dutchman|Dutchmen|Netherlander;Amsterdam;The Hague;52.13;5.29
NOR;;;Norwegian|Norwegians;Oslo;;60.47;8.47
NPL;;;Nepali|Nepalese|Nepalis;Kathmandu;;28.39;84.12
NRU;;;Nauruan|Nauruans;Yaren;;-0.52;166.93
NZL;;Aotearoa;New Zealander|New Zealanders|Kiwi|Kiwis;Wellington;;-40.90;174.89
OMN;;;Omani|Omanis;Muscat;;21.51;55.92
PAK;;;Pakistani|Pakistanis;Islamabad;;30.38;69.35
PAN;;;Panamanian|Panamanians;Panama City;;8.54;-80.78
PCN;Pitcairn Islands;Pitcairn;;;;-25.07;-130.10
PER;;;Peruvian|Peruvians;Lima;;-9.19;-75.02
PHL;;;Philippine|Filipino|Filipinos|Filipina;Manila;;12.88;121.77
PLW;;;Palauan|Palauans;Ngerulmud;;7.51;134.58
PNG;;;Papua New Guinean|Papua New Guineans;Port Moresby;;-6.31;143.96
POL;;;Polish|Pole|Poles;Warsaw;;51.92;19.15
PRI;;;Puerto Rican|Puerto Ricans;;;18.22;-66.59
PRK;North Korea;DPRK|D.P.R.K.|Democratic People's Republic of Korea;North Korean|North Koreans;Pyongyang;;40.34;127.51
PRT;;;Portuguese;Lisbon;;39.40;-8.22
PRY;;;Paraguayan|Paraguayans;Asuncion|Asunción;;-23.44;-58.44
PSE;Palestine;State of Palestine|Palestinian territories|Palestinian Territories|Occupied Palestinian Territories|Occupied Palestinian Territory|Occupied Territories;Palestinian|Palestinians;Ramallah;;31.95;35.23
PYF;;Tahiti;French Polynesian|Tahitian;;;-17.68;-149.41
QAT;;;Qatari|Qataris;Doha;;25.35;51.18
REU;;Reunion;Reunionese|Réunionese;;;-21.12;55.54
ROU;;Roumania|Rumania;Romanian|Romanians;Bucharest;;45.94;24.97
RUS;Russia;Russian Federation|Soviet Union|USSR|U.S.S.R.;Russian|Russians|Soviet|Soviets;Moscow;;61.52;105.32
RWA;;;Rwandan|Rwandans|Rwandese;Kigali;;-1.94;29.87
SAU;;Kingdom of Saudi Arabia|KSA;Saudi|Saudis|Saudi Arabian|Saudi Arabians;Riyadh;;23.89;45.08
SDN;;Republic of the Sudan;Sudanese;Khartoum;Port Sudan;12.86;30.22
SEN;;;Senegalese;Dakar;;14.50;-14.45
SGP;;;Singaporean|Singaporeans;;;1.35;103.82
SGS;;;;;;-54.43;-36.59
SHN;Saint Helena;St. Helena|St Helena|Ascension Island|Tristan da Cunha;Saint Helenian;;;-15.96;-5.71
SJM;;Svalbard;;;;77.55;23.67
SLB;;Solomons;Solomon Islander|Solomon Islanders;Honiara;;-9.65;160.16
SLE;;;Sierra Leonean|Sierra Leoneans;Freetown;;8.46;-11.78
SLV;;;Salvadoran|Salvadorans|Salvadorean;San Salvador;;13.79;-88.90
SMR;;;Sammarinese;;;43.94;12.46
SOM;;;Somali|Somalis|Somalian;Mogadishu;;5.15;46.20
SPM;;St. Pierre and Miquelon;;;;46.94;-56.27
SRB;;;Serbian|Serbians|Serb|Serbs;Belgrade;;44.02;21.01
SSD;;;South Sudanese;Juba;;6.88;31.31
STP;;São Tomé and Príncipe|Sao Tome;Santomean|Sao Tomean;;;0.19;6.61
SUR;;Surinam;Surinamese;Paramaribo;;3.92;-56.03
SVK;;;Slovak|Slovaks|Slovakian;Bratislava;;48.67;19.70
SVN;;;Slovenian|Slovenians|Slovene|Slovenes;Ljubljana;;46.15;14.99
SWE;;;Swedish|Swede|Swedes;Stockholm;;60.13;18.64
SWZ;Eswatini;Swaziland|eSwatini;Swazi|Swazis|Emaswati;Mbabane;Lobamba;-26.52;31.47
SXM;Sint Maarten;;;;;18.04;-63.07
SYC;;;Seychellois;;;-4.68;55.49
SYR;;Syrian Arab Republic;Syrian|Syrians;Damascus;;34.80;38.99
TCA;;;;;;21.69;-71.80
TCD;;;Chadian|Chadians;N'Djamena|Ndjamena;;15.45;18.73
TGO;;Togolese Republic;Togolese;Lome|Lomé;;8.62;0.82
THA;;Siam;Thai|Thais;Bangkok;;15.87;100.99
TJK;;;Tajik|Tajiks|Tajikistani;Dushanbe;;38.86;71.28
TKL;;;Tokelauan;;;-9.20;-171.85
TKM;;;Turkmen|Turkmens|Turkmenistani;Ashgabat;Ashkhabad;38.97;59.56
TLS;East Timor;Timor-Leste|Timor Leste;East Timorese|Timorese;Dili;;-8.87;125.73
TON;;;Tongan|Tongans;Nuku'alofa;;-21.18;-175.20
TTO;;Trinidad;Trinidadian|Trinidadians|Tobagonian;Port of Spain|Port-of-Spain;;10.69;-61.22
TUN;;;Tunisian|Tunisians;Tunis;;33.89;9.54
TUR;Turkey;Türkiye|Turkiye|Republic of Turkey;Turkish|Turk|Turks;Ankara;;38.96;35.24
TUV;;;Tuvaluan|Tuvaluans;Funafuti;;-8.52;179.20
TWN;;Republic of China|ROC|R.O.C.|Chinese Taipei|Formosa;Taiwanese;Taipei;;23.70;120.96
TZA;;United Republic of Tanzania;Tanzanian|Tanzanians;Dodoma;Dar es Salaam;-6.37;34.89
UGA;;;Ugandan|Ugandans;Kampala;;1.37;32.29
UKR;;;Ukrainian|Ukrainians;Kyiv;Kiev;48.38;31.17
UMI;;;;;;19.28;166.65
URY;;;Uruguayan|Uruguayans;Montevideo;;-32.52;-55.77
USA;;US|U.S.|USA|U.S.A.|United States of America|America;American|Americans|US|U.S.;Washington;Washington, D.C.|Washington DC|Washington D.C.;37.09;-95.71
UZB;;;Uzbek|Uzbeks|Uzbekistani;Tashkent;;41.38;64.59
VAT;Vatican City;Holy See|Vatican|Vatican City State;Vatican;;;41.90;12.45
VCT;;St. Vincent and the Grenadines|St Vincent and the Grenadines|Saint Vincent;Vincentian|Vincentians;Kingstown;;12.98;-61.29
VEN;;Bolivarian Republic of Venezuela;Venezuelan|Venezuelans;Caracas;;6.42;-66.59
VGB;;BVI;;;;18.42;-64.64
VIR;;US Virgin Islands|U.S. Virgin Islands|USVI;;;;18.34;-64.90
VNM;Vietnam;Viet Nam|Socialist Republic of Vietnam;Vietnamese;Hanoi;;14.06;108.28
VUT;;;Ni-Vanuatu;Port Vila;;-15.38;166.96
WLF;;;;;;-13.77;-177.16
WSM;;Western Samoa|Samoa;Samoan|Samoans;Apia;;-13.76;-172.10
YEM;;;Yemeni|Yemenis|Yemenite;Sanaa;Sana'a|Aden;15.55;48.52
ZAF;;RSA;South African|South Africans;Pretoria;Cape Town|Tshwane;-30.56;22.94
ZMB;;Northern Rhodesia;Zambian|Zambians;Lusaka;;-13.13;27.85
ZWE;;Rhodesia;Zimbabwean|Zimbabweans;Harare;;-19.02;29.15
KSV;Kosovo;Republic of Kosovo|Kosova;Kosovar|Kosovars|Kosovan;Pristina;Prishtina|Priština;42.60;20.90
ANT;Netherlands Antilles;Dutch Antilles;Antillean|Antilleans;;;12.23;-69.06
"""


def split(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


def dedupe(items: list[str], drop: set[str]) -> list[str]:
    seen, out = set(drop), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def iso_names(c) -> list[str]:
    """ISO names people actually write: skip inverted forms ('Korea, Republic of')."""
    names = []
    for attr in ("common_name", "name", "official_name"):
        v = getattr(c, attr, None)
        if not v or "," in v or "(" in v:
            continue
        if v.lower().startswith("the "):
            v = v[4:]
        names.append(v)
    return names


def build() -> list[list[str]]:
    import pycountry

    hand = {}
    for line in DATA.strip().splitlines():
        parts = line.split(";")
        if len(parts) != 8:
            raise SystemExit(f"bad DATA line ({len(parts)} fields): {line}")
        hand[parts[0]] = parts[1:]

    rows = []
    seen = set()
    for c in pycountry.countries:
        iso3 = c.alpha_3
        if iso3 not in hand:
            raise SystemExit(f"no hand data for {iso3} {c.name}")
        name, aliases, adjs, cap, cap_al, lat, lon = hand[iso3]
        caps = split(cap)  # "Tirana|Tirane": first is the capital, the rest are aliases
        cap, cap_al = (caps[0] if caps else ""), "|".join(caps[1:] + split(cap_al))
        names = iso_names(c)
        name = name or (names[0] if names else c.name)
        alias_list = dedupe(names + split(aliases), {name} | DROP_ISO_NAMES.get(iso3, set()))
        code = CAMEO_OVERRIDES.get(iso3, iso3)
        rows.append([code, c.alpha_2, name, "|".join(alias_list), "|".join(dedupe(split(adjs), set())),
                     cap, "|".join(dedupe(split(cap_al), {cap})), lat, lon])
        seen.add(iso3)
    for code, iso2 in EXTRA.items():
        name, aliases, adjs, cap, cap_al, lat, lon = hand[code]
        rows.append([code, iso2, name, "|".join(dedupe(split(aliases), {name})), adjs, cap, cap_al, lat, lon])
        seen.add(code)
    unused = set(hand) - seen
    if unused:
        raise SystemExit(f"hand data for unknown codes: {sorted(unused)}")
    rows.sort(key=lambda r: r[0])
    return rows


def render(rows: list[list[str]]) -> str:
    lines = ["\t".join(HEADER)]
    for r in rows:
        for v in r:
            if "\t" in v or "\n" in v:
                raise SystemExit(f"bad character in {r}")
        lines.append("\t".join(r))
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed TSV differs")
    args = ap.parse_args()
    text = render(build())
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date; rerun tools/build_countries.py", file=sys.stderr)
            sys.exit(1)
        print("countries.tsv up to date")
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} rows)")


if __name__ == "__main__":
    main()
