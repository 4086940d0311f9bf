// Every named state, person, organization (including informal groups that speak or act) and place of the
// article.
// Metonymy: Moscow is a Place (a city) and the Kremlin an Organization (GOVERNMENT_BODY).
// Only what the article states is a fact: it never says which country Moscow, Yerevan, Tashkent, New York,
// Washington or Nur-Sultan is in, nor that the Kremlin is part of Russia, so those LOCATED_IN and PART_OF edges are
// left out (docs/model.md, "What the graph states").
// Facts the article states about the Russian state through the word Moscow are attached to russia, not to
// moscow.
// Aliases are names, not facts: besides the article's spellings and the usual English ones, the Russian names of
// the states, people, cities and bodies it names (the article is a translation; ODKB is the Russian acronym), so
// that an analyst can search and look them up in Russian.
// Provenance: every quote is a verbatim substring of Source.text at [quoteStart, quoteEnd), in UTF-16 code
// units, end exclusive. Offsets are computed by script from the article, never typed by hand.
// Idempotent: MERGE on ids (relationships on their endpoints), ON CREATE SET for the values, and evidence,
// aliases and disputes added only when new (docs/model.md, "Merge rules").

// State nodes, each with its SOURCED_FROM provenance
MATCH (s:Source {id: 'csto-2022-10-13'})
UNWIND [
  {id: 'russia', name: 'Russia', aliases: ['Russian Federation', 'RF', 'Россия', 'Российская Федерация'], iso3: 'RUS', historical: false,
   prov: [
     {quote: 'if there were differences between Russia and Kyrgyzstan', quoteStart: 1020, quoteEnd: 1075},
     {quote: 'CSTO includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.', quoteStart: 1106, quoteEnd: 1184},
     {quote: 'the desire of the strongest member of the alliance - Russia - to expand its spheres of influence', quoteStart: 5183, quoteEnd: 5279}
   ]},
  {id: 'armenia', name: 'Armenia', aliases: ['Republic of Armenia', 'Армения'], iso3: 'ARM', historical: false,
   prov: [
     {quote: 'Armenia refused to participate in CSTO exercises in Kazakhstan', quoteStart: 1448, quoteEnd: 1510},
     {quote: 'Armenia\'s withdrawal from the Collective Security Treaty', quoteStart: 1733, quoteEnd: 1789}
   ]},
  {id: 'belarus', name: 'Belarus', aliases: ['Republic of Belarus', 'Byelorussia', 'Беларусь', 'Белоруссия'], iso3: 'BLR', historical: false,
   prov: [
     {quote: 'Azerbaijan, Georgia and Belarus joined the agreement', quoteStart: 4543, quoteEnd: 4595},
     {quote: 'The situation in Belarus is often cited as an example', quoteStart: 7091, quoteEnd: 7144}
   ]},
  {id: 'kazakhstan', name: 'Kazakhstan', aliases: ['Republic of Kazakhstan', 'Казахстан'], iso3: 'KAZ', historical: false,
   prov: [
     {quote: 'it sent peacekeeping forces to Kazakhstan, where mass protests broke out and turned into riots', quoteStart: 5769, quoteEnd: 5863},
     {quote: 'Kazakhstan\'s President Kasim-Jomart Tokayev', quoteStart: 5865, quoteEnd: 5908}
   ]},
  {id: 'kyrgyzstan', name: 'Kyrgyzstan', aliases: ['Kyrgyz Republic', 'Kirghizia', 'Кыргызстан', 'Киргизия'], iso3: 'KGZ', historical: false,
   prov: [
     {quote: 'Kyrgyzstan refused to conduct training of the organization\'s peacekeeping forces on its territory', quoteStart: 634, quoteEnd: 731},
     {quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times', quoteStart: 6393, quoteEnd: 6455}
   ]},
  {id: 'tajikistan', name: 'Tajikistan', aliases: ['Republic of Tajikistan', 'Таджикистан'], iso3: 'TJK', historical: false,
   prov: [
     {quote: 'CSTO includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.', quoteStart: 1106, quoteEnd: 1184},
     {quote: 'Currently, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan remain CSTO members.', quoteStart: 5481, quoteEnd: 5576}
   ]},
  {id: 'uzbekistan', name: 'Uzbekistan', aliases: ['Republic of Uzbekistan', 'Узбекистан'], iso3: 'UZB', historical: false,
   prov: [
     {quote: 'Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4403, quoteEnd: 4521},
     {quote: 'Uzbekistan decided to return in 2006, but changed its mind in 2012 and left the organization again', quoteStart: 5380, quoteEnd: 5478}
   ]},
  {id: 'azerbaijan', name: 'Azerbaijan', aliases: ['Republic of Azerbaijan', 'Азербайджан'], iso3: 'AZE', historical: false,
   prov: [
     {quote: 'the conflict zone with Azerbaijan', quoteStart: 1950, quoteEnd: 1983},
     {quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596}
   ]},
  {id: 'georgia', name: 'Georgia', aliases: ['Sakartvelo', 'Грузия'], iso3: 'GEO', historical: false,
   prov: [
     {quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596},
     {quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378}
   ]},
  {id: 'ussr', name: 'Soviet Union', aliases: ['USSR', 'Union of Soviet Socialist Republics', 'СССР', 'Советский Союз'], iso3: 'SUN', historical: true,
   prov: [
     {quote: 'Created on the ruins of the USSR', quoteStart: 72, quoteEnd: 104},
     {quote: 'shortly after the collapse of the Soviet Union', quoteStart: 4327, quoteEnd: 4373}
   ]},
  {id: 'united-states', name: 'United States', aliases: ['United States of America', 'USA', 'US', 'U.S.', 'США'], iso3: 'USA', historical: false,
   prov: [
     {quote: 'Therefore, the United States is looking for options to fit into the new balances', quoteStart: 3247, quoteEnd: 3327},
     {quote: 'US Secretary of State Anthony Blinken', quoteStart: 2836, quoteEnd: 2873}
   ]},
  {id: 'turkey', name: 'Turkey', aliases: ['Türkiye'], iso3: 'TUR', historical: false,
   prov: [
     {quote: 'Since Turkey itself is a member of NATO', quoteStart: 3458, quoteEnd: 3497}
   ]},
  {id: 'ukraine', name: 'Ukraine', aliases: ['Украина'], iso3: 'UKR', historical: false,
   prov: [
     {quote: 'the Russian invasion of Ukraine', quoteStart: 7367, quoteEnd: 7398},
     {quote: 'it has exhausted its potential on Ukrainian soil', quoteStart: 4022, quoteEnd: 4070}
   ]},
  {id: 'afghanistan', name: 'Afghanistan', aliases: ['Афганистан'], iso3: 'AFG', historical: false,
   prov: [
     {quote: 'armed Islamists from Afghanistan and Tajikistan invaded the country', quoteStart: 6501, quoteEnd: 6568}
   ]}
] AS row
MERGE (n:State:Entity {id: row.id})
ON CREATE SET n.name = row.name, n.aliases = row.aliases, n.iso3 = row.iso3, n.historical = row.historical
WITH s, n, row
// A source that restates an entity adds its names to the aliases (docs/model.md, "Merge rules").
CALL (n, row) {
  WITH [a IN [row.name] + row.aliases WHERE a <> n.name AND NOT a IN n.aliases] AS added
  WHERE added <> []
  SET n.aliases = n.aliases + added
}
// A source that gives a value differently keeps it beside the first, with its source id.
CALL (n, row, s) {
  WITH [k IN ['iso3', 'historical'] WHERE row[k] IS NOT NULL AND coalesce(n[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(n.disputedProperties, [])) - 1) WHERE n.disputedProperties[i] = k AND n.disputedSourceIds[i] = s.id)] AS disputed
  WHERE disputed <> []
  SET n.disputedProperties = coalesce(n.disputedProperties, []) + disputed,
      n.disputedValues = coalesce(n.disputedValues, []) + [k IN disputed | toString(row[k])],
      n.disputedSourceIds = coalesce(n.disputedSourceIds, []) + [k IN disputed | s.id]
}
UNWIND row.prov AS p
MERGE (n)-[r:SOURCED_FROM {quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}]->(s)
ON CREATE SET r.quote = p.quote;

// Person nodes, each with its SOURCED_FROM provenance
MATCH (s:Source {id: 'csto-2022-10-13'})
UNWIND [
  {id: 'vladimir-putin', name: 'Vladimir Putin', aliases: ['Putin', 'Vladimir Vladimirovich Putin', 'Владимир Путин', 'Путин'], description: 'President of Russia; the article calls the CSTO "Putin\'s security alliance".',
   prov: [
     {quote: 'Why is Putin\'s security alliance collapsing?', quoteStart: 26, quoteEnd: 70},
     {quote: 'But Putin supported Tokaev.', quoteStart: 6102, quoteEnd: 6129},
     {quote: 'he is fulfilling all of Vladimir Putin\'s wishes', quoteStart: 7236, quoteEnd: 7283}
   ]},
  {id: 'dmitry-peskov', name: 'Dmitry Peskov', aliases: ['Dmytro Peskov', 'Dmitri Peskov', 'Peskov', 'Дмитрий Песков', 'Песков'], description: 'Press Secretary of the President of the Russian Federation.',
   prov: [
     {quote: 'the Press Secretary of the President of the Russian Federation the next day if there were differences between Russia and Kyrgyzstan, Dmytro Peskov replied', quoteStart: 944, quoteEnd: 1098}
   ]},
  {id: 'alen-simonyan', name: 'Alen Simonyan', aliases: ['Simonyan', 'Ален Симонян', 'Симонян'], description: 'Speaker of the Parliament of Armenia.',
   prov: [
     {quote: 'Parliament Speaker Alen Simonyan', quoteStart: 2070, quoteEnd: 2102},
     {quote: 'said Simonyan on the air of Public Television of Armenia', quoteStart: 2563, quoteEnd: 2619}
   ]},
  {id: 'armen-grigoryan', name: 'Armen Grigoryan', aliases: ['Armen Grigonyan', 'Grigonyan', 'Grigoryan', 'Армен Григорян', 'Григорян'], description: 'Secretary of the Security Council of Armenia (spelled "Grigonyan" in the article).',
   prov: [
     {quote: 'Secretary of the Security Council Armen Grigonyan', quoteStart: 2107, quoteEnd: 2156}
   ]},
  {id: 'nancy-pelosi', name: 'Nancy Pelosi', aliases: ['Pelosi'], description: 'Speaker of the House of Representatives of the US Congress.',
   prov: [
     {quote: 'the Speaker of the House of Representatives of the US Congress, Nancy Pelosi', quoteStart: 2673, quoteEnd: 2749}
   ]},
  {id: 'antony-blinken', name: 'Antony Blinken', aliases: ['Anthony Blinken', 'Blinken'], description: 'US Secretary of State.',
   prov: [
     {quote: 'US Secretary of State Anthony Blinken', quoteStart: 2836, quoteEnd: 2873}
   ]},
  {id: 'anatoly-nesmiyan', name: 'Anatoly Nesmiyan', aliases: ['Anatolij Nesmijan', 'Nesmijan', 'Nesmiyan', 'Anatoliy Nesmiyan', 'Анатолий Несмиян', 'Несмиян'], description: 'Political scientist quoted by the article.',
   prov: [
     {quote: 'Political scientist Anatolij Nesmijan believes', quoteStart: 2993, quoteEnd: 3039},
     {quote: 'writes Nesmijan', quoteStart: 3667, quoteEnd: 3682}
   ]},
  {id: 'erica-marat', name: 'Erica Marat', aliases: ['Erika Marat', 'Marat'], description: 'Professor at the National Defense University in Washington.',
   prov: [
     {quote: 'says Erika Marat, a professor at the University of National Defense in Washington', quoteStart: 6310, quoteEnd: 6391}
   ]},
  {id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', aliases: ['Kasim-Jomart Tokayev', 'Kassym-Jomart Tokaev', 'Tokayev', 'Tokaev', 'Qasym-Jomart Toqaev', 'Касым-Жомарт Токаев', 'Токаев'], description: 'President of Kazakhstan.',
   prov: [
     {quote: 'Kazakhstan\'s President Kasim-Jomart Tokayev', quoteStart: 5865, quoteEnd: 5908},
     {quote: 'But Putin supported Tokaev.', quoteStart: 6102, quoteEnd: 6129}
   ]},
  {id: 'alexander-lukashenko', name: 'Alexander Lukashenko', aliases: ['Alexander Lukashenka', 'Aliaksandr Lukashenka', 'Lukashenko', 'Lukashenka', 'Александр Лукашенко', 'Лукашенко'], description: 'Leader of Belarus.',
   prov: [
     {quote: 'its leader Alexander Lukashenko was helped by the Kremlin to retain power in 2020', quoteStart: 7146, quoteEnd: 7227},
     {quote: 'Apart from Lukashenka, none of the leaders of the CSTO member countries supported the Russian invasion of Ukraine', quoteStart: 7285, quoteEnd: 7398}
   ]},
  {id: 'topwar-author', name: 'Author of the portal topwar.ru', aliases: ['topwar.ru author'], description: 'An unnamed author writing on the portal topwar.ru.',
   prov: [
     {quote: 'writes the author of the portal topwar.ru', quoteStart: 7630, quoteEnd: 7671}
   ]}
] AS row
MERGE (n:Person:Entity {id: row.id})
ON CREATE SET n.name = row.name, n.aliases = row.aliases, n.description = row.description
WITH s, n, row
// A source that restates an entity adds its names to the aliases (docs/model.md, "Merge rules").
CALL (n, row) {
  WITH [a IN [row.name] + row.aliases WHERE a <> n.name AND NOT a IN n.aliases] AS added
  WHERE added <> []
  SET n.aliases = n.aliases + added
}
UNWIND row.prov AS p
MERGE (n)-[r:SOURCED_FROM {quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}]->(s)
ON CREATE SET r.quote = p.quote;

// Organization nodes, each with its SOURCED_FROM provenance
MATCH (s:Source {id: 'csto-2022-10-13'})
UNWIND [
  {id: 'csto', name: 'Collective Security Treaty Organization', aliases: ['CSTO', 'ODKB', 'ОДКБ', 'Organization of the Treaty on Collective Security', 'Collective Security Treaty'], kind: 'ALLIANCE', description: 'Military-political alliance of post-Soviet states, founded on the Collective Security Treaty signed in Tashkent on 15 May 1992.',
   prov: [
     {quote: 'the Collective Security Treaty Organization (CSTO) is now a separate story', quoteStart: 106, quoteEnd: 180},
     {quote: 'End of ODKB. Why is Putin\'s security alliance collapsing?', quoteStart: 13, quoteEnd: 70},
     {quote: 'Observers often call ODKB an amorphous organization.', quoteStart: 5628, quoteEnd: 5680},
     {quote: 'CSTO includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.', quoteStart: 1106, quoteEnd: 1184},
     {quote: 'Currently, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan remain CSTO members.', quoteStart: 5481, quoteEnd: 5576}
   ]},
  {id: 'csto-peacekeeping-forces', name: 'CSTO Collective Peacekeeping Forces', aliases: ['CSTO peacekeeping forces', 'CSTO forces', 'CSTO troops', 'peacekeeping forces'], kind: 'ARMED_GROUP', description: 'The peacekeeping forces of the CSTO.',
   prov: [
     {quote: 'training of the organization\'s peacekeeping forces on its territory', quoteStart: 664, quoteEnd: 731},
     {quote: 'the ability of CSTO forces to secure a ceasefire', quoteStart: 1360, quoteEnd: 1408},
     {quote: 'The CSTO troops in the cities of Kazakhstan', quoteStart: 6131, quoteEnd: 6174}
   ]},
  {id: 'nato', name: 'North Atlantic Treaty Organization', aliases: ['NATO', 'North Atlantic Alliance', 'НАТО'], kind: 'ALLIANCE', description: 'Western military alliance.',
   prov: [
     {quote: 'the Europeans and NATO', quoteStart: 3434, quoteEnd: 3456},
     {quote: 'the CSTO was created as a possible alternative to NATO', quoteStart: 4818, quoteEnd: 4872}
   ]},
  {id: 'kremlin', name: 'Kremlin', aliases: ['the Kremlin', 'Moscow Kremlin', 'Кремль'], kind: 'GOVERNMENT_BODY', description: 'The seat of the Russian leadership, used by the article for the Russian government.',
   prov: [
     {quote: 'the Kremlin was forced to pretend that nothing was happening', quoteStart: 3843, quoteEnd: 3903},
     {quote: 'was helped by the Kremlin to retain power in 2020', quoteStart: 7178, quoteEnd: 7227}
   ]},
  {id: 'public-television-of-armenia', name: 'Public Television of Armenia', aliases: ['Public TV of Armenia', 'Public Television Company of Armenia'], kind: 'MEDIA', description: 'Armenian public broadcaster.',
   prov: [
     {quote: 'on the air of Public Television of Armenia', quoteStart: 2577, quoteEnd: 2619}
   ]},
  {id: 'topwar-ru', name: 'topwar.ru', aliases: ['Topwar', 'Military Review', 'Voennoye Obozreniye'], kind: 'MEDIA', description: 'Russian military news portal.',
   prov: [
     {quote: 'the author of the portal topwar.ru', quoteStart: 7637, quoteEnd: 7671}
   ]},
  {id: 'us-congress', name: 'United States Congress', aliases: ['US Congress', 'U.S. Congress'], kind: 'LEGISLATURE', description: 'The legislature of the United States.',
   prov: [
     {quote: 'the House of Representatives of the US Congress', quoteStart: 2688, quoteEnd: 2735}
   ]},
  {id: 'us-house-of-representatives', name: 'United States House of Representatives', aliases: ['House of Representatives', 'US House of Representatives'], kind: 'LEGISLATURE', description: 'Lower chamber of the US Congress.',
   prov: [
     {quote: 'the Speaker of the House of Representatives of the US Congress', quoteStart: 2673, quoteEnd: 2735}
   ]},
  {id: 'national-defense-university', name: 'National Defense University', aliases: ['University of National Defense', 'NDU'], kind: 'UNIVERSITY', description: 'University in Washington.',
   prov: [
     {quote: 'a professor at the University of National Defense in Washington', quoteStart: 6328, quoteEnd: 6391}
   ]},
  {id: 'yerevan-demonstrators', name: 'Demonstrators in Yerevan (September 2022)', aliases: ['the demonstrators'], kind: 'INFORMAL_GROUP', description: 'The participants of the mid-September 2022 meeting in Yerevan that demanded Armenia leave the Collective Security Treaty.',
   prov: [
     {quote: 'The demonstrators were supported by Parliament Speaker Alen Simonyan', quoteStart: 2034, quoteEnd: 2102},
     {quote: 'In mid-September, a meeting was held in Yerevan', quoteStart: 1678, quoteEnd: 1725}
   ]},
  {id: 'member-state-politicians', name: 'Politicians of the CSTO member countries', aliases: ['politicians of the member countries of the bloc'], kind: 'INFORMAL_GROUP', description: 'Many politicians of the member countries of the CSTO.',
   prov: [
     {quote: 'Many politicians of the member countries of the bloc are dissatisfied with the activities of the CSTO', quoteStart: 1544, quoteEnd: 1645}
   ]},
  {id: 'kyrgyz-politicians-and-public-figures', name: 'Kyrgyz politicians and public figures', aliases: ['Kyrgyz politicians'], kind: 'INFORMAL_GROUP', description: 'Politicians and public figures of Kyrgyzstan.',
   prov: [
     {quote: 'Kyrgyz politicians and public figures are asking more and more often', quoteStart: 6860, quoteEnd: 6928}
   ]},
  {id: 'many-experts', name: 'Many experts', aliases: ['experts'], kind: 'INFORMAL_GROUP', description: 'Unnamed experts cited by the article.',
   prov: [
     {quote: 'Many experts point out that the CSTO has turned into a Russian tool', quoteStart: 6932, quoteEnd: 6999}
   ]},
  {id: 'observers', name: 'Observers', aliases: ['observers'], kind: 'INFORMAL_GROUP', description: 'Unnamed observers cited by the article.',
   prov: [
     {quote: 'Observers often call ODKB an amorphous organization.', quoteStart: 5628, quoteEnd: 5680}
   ]},
  {id: 'russian-war-supporters', name: 'Russian supporters of the war', aliases: ['Russian supporters of the war in Ukraine'], kind: 'INFORMAL_GROUP', description: 'Russian supporters of the war against Ukraine.',
   prov: [
     {quote: 'this angered the Russian supporters of the war', quoteStart: 7404, quoteEnd: 7450}
   ]},
  // The parties of the 2010 inter-ethnic conflict, whom the article does not name: one group, actor and target of
  // the conflict.
  {id: 'osh-batken-2010-ethnic-groups', name: 'Ethnic groups in the 2010 conflict in Osh and Batken', aliases: [], kind: 'INFORMAL_GROUP', description: 'The unnamed ethnic groups of the bloody inter-ethnic conflict of 2010 in Osh and Batken.',
   prov: [
     {quote: 'a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6584, quoteEnd: 6643}
   ]},
  {id: 'kazakhstan-protesters-2022-01', name: 'Protesters in Kazakhstan (January 2022)', aliases: [], kind: 'INFORMAL_GROUP', description: 'The unnamed participants of the mass protests of January 2022 in Kazakhstan that turned into riots.',
   prov: [
     {quote: 'Kazakhstan, where mass protests broke out and turned into riots', quoteStart: 5800, quoteEnd: 5863}
   ]},
  {id: 'batken-armed-islamists', name: 'Armed Islamists from Afghanistan and Tajikistan', aliases: ['armed Islamists'], kind: 'ARMED_GROUP', description: 'The armed Islamists from Afghanistan and Tajikistan who invaded Kyrgyzstan in 1999 (the Batken events).',
   prov: [
     {quote: 'armed Islamists from Afghanistan and Tajikistan invaded the country', quoteStart: 6501, quoteEnd: 6568}
   ]}
] AS row
MERGE (n:Organization:Entity {id: row.id})
ON CREATE SET n.name = row.name, n.aliases = row.aliases, n.kind = row.kind, n.description = row.description
WITH s, n, row
// A source that restates an entity adds its names to the aliases (docs/model.md, "Merge rules").
CALL (n, row) {
  WITH [a IN [row.name] + row.aliases WHERE a <> n.name AND NOT a IN n.aliases] AS added
  WHERE added <> []
  SET n.aliases = n.aliases + added
}
// A source that gives a value differently keeps it beside the first, with its source id.
CALL (n, row, s) {
  WITH [k IN ['kind'] WHERE row[k] IS NOT NULL AND coalesce(n[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(n.disputedProperties, [])) - 1) WHERE n.disputedProperties[i] = k AND n.disputedSourceIds[i] = s.id)] AS disputed
  WHERE disputed <> []
  SET n.disputedProperties = coalesce(n.disputedProperties, []) + disputed,
      n.disputedValues = coalesce(n.disputedValues, []) + [k IN disputed | toString(row[k])],
      n.disputedSourceIds = coalesce(n.disputedSourceIds, []) + [k IN disputed | s.id]
}
UNWIND row.prov AS p
MERGE (n)-[r:SOURCED_FROM {quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}]->(s)
ON CREATE SET r.quote = p.quote;

// Place nodes, each with its SOURCED_FROM provenance
MATCH (s:Source {id: 'csto-2022-10-13'})
UNWIND [
  {id: 'moscow', name: 'Moscow', aliases: ['Moskva', 'Москва'], kind: 'CITY',
   prov: [
     {quote: 'You have to pay for the "generosity" of Moscow', quoteStart: 5579, quoteEnd: 5625},
     {quote: 'remind that Moscow\'s "generosity" must be paid for', quoteStart: 7039, quoteEnd: 7089},
     {quote: 'many CSTO members are not against distancing themselves from Moscow', quoteStart: 7750, quoteEnd: 7817}
   ]},
  {id: 'yerevan', name: 'Yerevan', aliases: ['Erevan', 'Ереван'], kind: 'CITY',
   prov: [
     {quote: 'In mid-September, a meeting was held in Yerevan', quoteStart: 1678, quoteEnd: 1725},
     {quote: 'the visit to Yerevan of the Speaker of the House of Representatives', quoteStart: 2649, quoteEnd: 2716}
   ]},
  {id: 'tashkent', name: 'Tashkent', aliases: ['Toshkent', 'Ташкент'], kind: 'CITY',
   prov: [
     {quote: 'signed the Collective Security Treaty in Tashkent', quoteStart: 4472, quoteEnd: 4521},
     {quote: 'The country, in whose capital the agreement on the formation of a military-political bloc was concluded', quoteStart: 182, quoteEnd: 285}
   ]},
  {id: 'new-york', name: 'New York', aliases: ['New York City', 'NYC'], kind: 'CITY',
   prov: [
     {quote: 'with the heads of foreign affairs of Armenia and Azerbaijan in New York', quoteStart: 2874, quoteEnd: 2945}
   ]},
  {id: 'washington', name: 'Washington', aliases: ['Washington, D.C.', 'Washington DC'], kind: 'CITY',
   prov: [
     {quote: 'the University of National Defense in Washington', quoteStart: 6343, quoteEnd: 6391}
   ]},
  {id: 'astana', name: 'Astana', aliases: ['Nur-Sultan', 'Астана', 'Нур-Султан'], kind: 'CITY',
   prov: [
     {quote: 'control over the political regime in Nur-Sultan', quoteStart: 6239, quoteEnd: 6286}
   ]},
  {id: 'issyk-kul-region', name: 'Issyk-Kul Region', aliases: ['Isik-Kul region', 'Isik-Kul', 'Issyk-Kul', 'Issyk-Kul Oblast', 'Ysyk-Köl Region', 'Иссык-Кульская область', 'Иссык-Куль'], kind: 'REGION',
   prov: [
     {quote: 'were supposed to take place in the Isik-Kul region from October 10 to 14', quoteStart: 804, quoteEnd: 876},
     {quote: 'in the city of Balikča, Isik-Kul region', quoteStart: 1202, quoteEnd: 1241}
   ]},
  {id: 'balykchy', name: 'Balykchy', aliases: ['Balikča', 'Balikcha', 'Balykchi', 'Rybachye', 'Балыкчы'], kind: 'CITY',
   prov: [
     {quote: 'At the exercises in the city of Balikča, Isik-Kul region', quoteStart: 1185, quoteEnd: 1241}
   ]},
  {id: 'batken', name: 'Batken', aliases: ['Batken Region', 'Баткен'], kind: 'REGION',
   prov: [
     {quote: 'in 1999, during the events in Batken', quoteStart: 6458, quoteEnd: 6494},
     {quote: 'a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6584, quoteEnd: 6643}
   ]},
  {id: 'osh', name: 'Osh', aliases: ['Ош'], kind: 'CITY',
   prov: [
     {quote: 'a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6584, quoteEnd: 6643}
   ]},
  {id: 'tajik-kyrgyz-border', name: 'Tajik-Kyrgyz border', aliases: ['Kyrgyz-Tajik border'], kind: 'BORDER',
   prov: [
     {quote: 'armed conflict on the Tajik-Kyrgyz border', quoteStart: 6696, quoteEnd: 6737}
   ]},
  {id: 'armenia-azerbaijan-conflict-zone', name: 'Armenia-Azerbaijan conflict zone', aliases: ['conflict zone with Azerbaijan', 'Armenia-Azerbaijan border'], kind: 'BORDER',
   prov: [
     {quote: 'to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1920, quoteEnd: 1983}
   ]},
  {id: 'transcaucasia', name: 'Transcaucasia', aliases: ['South Caucasus', 'Transcaucasus'], kind: 'MACRO_REGION',
   prov: [
     {quote: 'Russia is about to withdraw from Transcaucasia and Central Asia', quoteStart: 3045, quoteEnd: 3108}
   ]},
  {id: 'central-asia', name: 'Central Asia', aliases: [], kind: 'MACRO_REGION',
   prov: [
     {quote: 'Russia is about to withdraw from Transcaucasia and Central Asia', quoteStart: 3045, quoteEnd: 3108}
   ]}
] AS row
MERGE (n:Place:Entity {id: row.id})
ON CREATE SET n.name = row.name, n.aliases = row.aliases, n.kind = row.kind
WITH s, n, row
// A source that restates an entity adds its names to the aliases (docs/model.md, "Merge rules").
CALL (n, row) {
  WITH [a IN [row.name] + row.aliases WHERE a <> n.name AND NOT a IN n.aliases] AS added
  WHERE added <> []
  SET n.aliases = n.aliases + added
}
// A source that gives a value differently keeps it beside the first, with its source id.
CALL (n, row, s) {
  WITH [k IN ['kind'] WHERE row[k] IS NOT NULL AND coalesce(n[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(n.disputedProperties, [])) - 1) WHERE n.disputedProperties[i] = k AND n.disputedSourceIds[i] = s.id)] AS disputed
  WHERE disputed <> []
  SET n.disputedProperties = coalesce(n.disputedProperties, []) + disputed,
      n.disputedValues = coalesce(n.disputedValues, []) + [k IN disputed | toString(row[k])],
      n.disputedSourceIds = coalesce(n.disputedSourceIds, []) + [k IN disputed | s.id]
}
UNWIND row.prov AS p
MERGE (n)-[r:SOURCED_FROM {quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}]->(s)
ON CREATE SET r.quote = p.quote;

// PART_OF: Organization -> State
UNWIND [
  {from: 'us-congress', to: 'united-states', quote: 'the House of Representatives of the US Congress', quoteStart: 2688, quoteEnd: 2735}
] AS row
MATCH (a:Organization {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:PART_OF]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// PART_OF: Organization -> Organization
UNWIND [
  {from: 'csto-peacekeeping-forces', to: 'csto', quote: 'training of the organization\'s peacekeeping forces', quoteStart: 664, quoteEnd: 714},
  {from: 'us-house-of-representatives', to: 'us-congress', quote: 'the House of Representatives of the US Congress', quoteStart: 2688, quoteEnd: 2735}
] AS row
MATCH (a:Organization {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:PART_OF]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// LOCATED_IN: Place -> State
UNWIND [
  {from: 'issyk-kul-region', to: 'kyrgyzstan', quote: 'Kyrgyzstan refused to conduct training of the organization\'s peacekeeping forces on its territory. Command and staff exercises called "Indestructible Brotherhood - 2022" were supposed to take place in the Isik-Kul region', quoteStart: 634, quoteEnd: 854},
  {from: 'batken', to: 'kyrgyzstan', quote: 'in 1999, during the events in Batken, when armed Islamists from Afghanistan and Tajikistan invaded the country', quoteStart: 6458, quoteEnd: 6568},
  {from: 'osh', to: 'kyrgyzstan', quote: 'Kyrgyzstan turned to the CSTO for help three times - in 1999, during the events in Batken, when armed Islamists from Afghanistan and Tajikistan invaded the country, in 2010, when a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6405, quoteEnd: 6643},
  {from: 'tajik-kyrgyz-border', to: 'kyrgyzstan', quote: 'armed conflict on the Tajik-Kyrgyz border', quoteStart: 6696, quoteEnd: 6737},
  {from: 'tajik-kyrgyz-border', to: 'tajikistan', quote: 'armed conflict on the Tajik-Kyrgyz border', quoteStart: 6696, quoteEnd: 6737},
  {from: 'armenia-azerbaijan-conflict-zone', to: 'armenia', quote: 'Armenia\'s request to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1902, quoteEnd: 1983},
  {from: 'armenia-azerbaijan-conflict-zone', to: 'azerbaijan', quote: 'the conflict zone with Azerbaijan', quoteStart: 1950, quoteEnd: 1983}
] AS row
MATCH (a:Place {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:LOCATED_IN]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// LOCATED_IN: Place -> Place
UNWIND [
  {from: 'balykchy', to: 'issyk-kul-region', quote: 'in the city of Balikča, Isik-Kul region', quoteStart: 1202, quoteEnd: 1241}
] AS row
MATCH (a:Place {id: row.from}), (b:Place {id: row.to})
MERGE (a)-[r:LOCATED_IN]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

