// What the article attributes to someone: Statements (quotes and paraphrases) and the Claim of Tokayev.
// Statement.text is a verbatim substring of the article. date is the day it was said where the article gives it,
// otherwise the article date as the latest bound (dateIsLatestBound: true).
// Provenance: every quote is a verbatim substring of Source.text at [quoteStart, quoteEnd), in UTF-16 code
// units, end exclusive. Offsets are computed by script from the article, never typed by hand.
// Idempotent: MERGE on ids (relationships on their endpoints), ON CREATE SET for the values, and evidence,
// aliases and disputes added only when new (docs/model.md, "Merge rules").

// Statement nodes, each with its SOURCED_FROM provenance
MATCH (s:Source {id: 'csto-2022-10-13'})
UNWIND [
  // Said the next day after 9 October 2022.
  {id: 'statement-peskov-no-2022-10-10', name: 'Peskov: no differences between Russia and Kyrgyzstan', text: 'No.', kind: 'QUOTE', medium: null, date: date('2022-10-10'), datePrecision: 'DAY', dateIsLatestBound: false,
   prov: [
     {quote: 'When journalists asked the Press Secretary of the President of the Russian Federation the next day if there were differences between Russia and Kyrgyzstan, Dmytro Peskov replied: "No."', quoteStart: 921, quoteEnd: 1105}
   ]},
  {id: 'statement-member-politicians-dissatisfied', name: 'Politicians of the member countries are dissatisfied with the CSTO', text: 'Many politicians of the member countries of the bloc are dissatisfied with the activities of the CSTO - that is, their non-existence.', kind: 'PARAPHRASE', medium: null, date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: 'Many politicians of the member countries of the bloc are dissatisfied with the activities of the CSTO - that is, their non-existence.', quoteStart: 1544, quoteEnd: 1677}
   ]},
  // Made at the mid-September 2022 meeting in Yerevan.
  {id: 'statement-yerevan-demonstrators-demands', name: 'Demands of the Yerevan meeting: leave the treaty, negotiate with new allies', text: 'Armenia\'s withdrawal from the Collective Security Treaty and the start of negotiations with new allies were demanded', kind: 'PARAPHRASE', medium: null, date: date('2022-09-01'), datePrecision: 'MONTH', dateIsLatestBound: false,
   prov: [
     {quote: 'where Armenia\'s withdrawal from the Collective Security Treaty and the start of negotiations with new allies were demanded', quoteStart: 1727, quoteEnd: 1849}
   ]},
  // The article names the medium once, after the quote that follows this paraphrase: read as one passage from
  // the same broadcast (as the Belarus example is attributed to the experts of the sentence before).
  {id: 'statement-simonyan-gun', name: 'Simonyan: the CSTO is a gun that does not shoot', text: 'Simonyan compared the CSTO to a gun that "doesn\'t shoot, it can only be used to show off".', kind: 'PARAPHRASE', medium: 'Public Television of Armenia', date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: 'Simonyan compared the CSTO to a gun that "doesn\'t shoot, it can only be used to show off".', quoteStart: 2158, quoteEnd: 2248}
   ]},
  {id: 'statement-simonyan-public-television', name: 'Simonyan on Public Television of Armenia: we are very dissatisfied', text: 'We are very dissatisfied, of course. The expectations that were there are not justified. And, representing the people, having a relationship with the people, we won\'t be able to explain to them for a long time why the ODKB is not doing what was planned. And, of course, we are already drawing these conclusions.', kind: 'QUOTE', medium: 'Public Television of Armenia', date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: '"We are very dissatisfied, of course. The expectations that were there are not justified. And, representing the people, having a relationship with the people, we won\'t be able to explain to them for a long time why the ODKB is not doing what was planned. And, of course, we are already drawing these conclusions." said Simonyan on the air of Public Television of Armenia.', quoteStart: 2249, quoteEnd: 2620}
   ]},
  {id: 'statement-nesmiyan-russia-withdrawing', name: 'Nesmiyan: Russia is about to withdraw from Transcaucasia and Central Asia', text: 'Russia is about to withdraw from Transcaucasia and Central Asia, because it no longer carries the burden of foreign policy, and the balance of relations in the two regions is changing significantly.', kind: 'PARAPHRASE', medium: null, date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: 'Political scientist Anatolij Nesmijan believes that Russia is about to withdraw from Transcaucasia and Central Asia, because it no longer carries the burden of foreign policy, and the balance of relations in the two regions is changing significantly.', quoteStart: 2993, quoteEnd: 3243}
   ]},
  {id: 'statement-nesmiyan-us-armenia-nato', name: 'Nesmiyan: the US will try to hand Armenia over to the Europeans and NATO', text: 'Therefore, the United States is looking for options to fit into the new balances, if possible without directly participating in them. Most likely, they will try to "hand over" Armenia to the Europeans and NATO. Since Turkey itself is a member of NATO, it will be it\'s easier to talk to her about the situation within the framework of the alliance in the region, without taking out, as they say, garbage from the house', kind: 'QUOTE', medium: null, date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: '"Therefore, the United States is looking for options to fit into the new balances, if possible without directly participating in them. Most likely, they will try to "hand over" Armenia to the Europeans and NATO. Since Turkey itself is a member of NATO, it will be it\'s easier to talk to her about the situation within the framework of the alliance in the region, without taking out, as they say, garbage from the house", writes Nesmijan.', quoteStart: 3246, quoteEnd: 3683}
   ]},
  // One quote interrupted by he continues: its text keeps the interruption so that it stays a verbatim substring
  // of the article.
  {id: 'statement-nesmiyan-collapse-of-ussr', name: 'Nesmiyan: as before the collapse of the USSR, Russia is no longer taken into account', text: 'All this is very reminiscent of the situation before the collapse of the USSR", he continues, "then the division of the Soviet zone of influence began, and the Kremlin was forced to pretend that nothing was happening, because it was no longer able to react to what was happening. Today, Russia is no longer taken into account, because it has exhausted its potential on Ukrainian soil and today is on the way to finish off its army, losing even hypothetical opportunities to participate in the creation of at least some solutions in its former areas of interest.', kind: 'QUOTE', medium: null, date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: '"All this is very reminiscent of the situation before the collapse of the USSR", he continues, "then the division of the Soviet zone of influence began, and the Kremlin was forced to pretend that nothing was happening, because it was no longer able to react to what was happening. Today, Russia is no longer taken into account, because it has exhausted its potential on Ukrainian soil and today is on the way to finish off its army, losing even hypothetical opportunities to participate in the creation of at least some solutions in its former areas of interest. ", according to the expert.', quoteStart: 3686, quoteEnd: 4276}
   ]},
  {id: 'statement-observers-amorphous', name: 'Observers: the CSTO is an amorphous organization', text: 'Observers often call ODKB an amorphous organization.', kind: 'PARAPHRASE', medium: null, date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: 'Observers often call ODKB an amorphous organization.', quoteStart: 5628, quoteEnd: 5680}
   ]},
  {id: 'statement-marat-csto-troops-kazakhstan', name: 'Marat: CSTO troops in Kazakhstan a symbol of Russian control', text: 'The CSTO troops in the cities of Kazakhstan have become a symbolic indicator of Russia\'s full influence and control over the political regime in Nur-Sultan, which favors Moscow', kind: 'QUOTE', medium: null, date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: '"The CSTO troops in the cities of Kazakhstan have become a symbolic indicator of Russia\'s full influence and control over the political regime in Nur-Sultan, which favors Moscow," says Erika Marat, a professor at the University of National Defense in Washington.', quoteStart: 6130, quoteEnd: 6392}
   ]},
  {id: 'statement-kyrgyz-politicians-question', name: 'Kyrgyz politicians: is the CSTO necessary?', text: 'Is the organization of the Treaty on Collective Security of Kyrgyzstan necessary?', kind: 'QUOTE', medium: null, date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: 'Is the organization of the Treaty on Collective Security of Kyrgyzstan necessary? - Kyrgyz politicians and public figures are asking more and more often.', quoteStart: 6776, quoteEnd: 6929}
   ]},
  {id: 'statement-many-experts-russian-tool', name: 'Experts: the CSTO is a Russian tool, and Moscow\'s "generosity" must be paid for', text: 'Many experts point out that the CSTO has turned into a Russian tool for maintaining military influence and remind that Moscow\'s "generosity" must be paid for.', kind: 'PARAPHRASE', medium: null, date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: 'Many experts point out that the CSTO has turned into a Russian tool for maintaining military influence and remind that Moscow\'s "generosity" must be paid for.', quoteStart: 6932, quoteEnd: 7090}
   ]},
  // The example is cited within the argument of the experts in the sentence before, so it is attributed to them.
  {id: 'statement-many-experts-belarus-example', name: 'Experts: Belarus as an example, Lukashenko fulfils Putin\'s wishes', text: 'The situation in Belarus is often cited as an example: its leader Alexander Lukashenko was helped by the Kremlin to retain power in 2020, so now he is fulfilling all of Vladimir Putin\'s wishes.', kind: 'PARAPHRASE', medium: null, date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: 'The situation in Belarus is often cited as an example: its leader Alexander Lukashenko was helped by the Kremlin to retain power in 2020, so now he is fulfilling all of Vladimir Putin\'s wishes.', quoteStart: 7091, quoteEnd: 7284}
   ]},
  {id: 'statement-russian-war-supporters-front', name: 'Russian supporters of the war: the CSTO is a front for cooperating with the enemies of Russia', text: 'they call the organization a front, under which the allies "cooperate with the enemies of Russia."', kind: 'PARAPHRASE', medium: null, date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: 'this angered the Russian supporters of the war - they call the organization a front, under which the allies "cooperate with the enemies of Russia."', quoteStart: 7404, quoteEnd: 7551}
   ]},
  {id: 'statement-topwar-author-comedy', name: 'topwar.ru author: time to bust this comedy called ODKB', text: 'Isn\'t it time we finally bust this comedy called ODKB? Isn\'t it too late?', kind: 'QUOTE', medium: 'topwar.ru', date: date('2022-10-13'), datePrecision: 'DAY', dateIsLatestBound: true,
   prov: [
     {quote: '"Isn\'t it time we finally bust this comedy called ODKB? Isn\'t it too late?" - writes the author of the portal topwar.ru.', quoteStart: 7552, quoteEnd: 7672}
   ]}
] AS row
MERGE (n:Statement {id: row.id})
ON CREATE SET n.name = row.name, n.text = row.text, n.kind = row.kind, n.medium = row.medium, n.date = row.date, n.datePrecision = row.datePrecision, n.dateIsLatestBound = row.dateIsLatestBound
WITH s, n, row
// A source that gives a value differently keeps it beside the first, with its source id.
CALL (n, row, s) {
  WITH [k IN ['text', 'kind', 'medium', 'date', 'datePrecision'] WHERE row[k] IS NOT NULL AND coalesce(n[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(n.disputedProperties, [])) - 1) WHERE n.disputedProperties[i] = k AND n.disputedSourceIds[i] = s.id)] AS disputed
  WHERE disputed <> []
  SET n.disputedProperties = coalesce(n.disputedProperties, []) + disputed,
      n.disputedValues = coalesce(n.disputedValues, []) + [k IN disputed | toString(row[k])],
      n.disputedSourceIds = coalesce(n.disputedSourceIds, []) + [k IN disputed | s.id]
}
UNWIND row.prov AS p
MERGE (n)-[r:SOURCED_FROM {quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}]->(s)
ON CREATE SET r.quote = p.quote;

// Claim nodes, each with its SOURCED_FROM provenance
MATCH (s:Source {id: 'csto-2022-10-13'})
UNWIND [
  {id: 'claim-tokayev-20000-foreign-terrorists', name: 'Influx of 20,000 foreign terrorists into Kazakhstan', text: 'an alleged influx of 20,000 foreign terrorists', status: 'UNSUPPORTED', statusNote: 'There was no convincing evidence for this.',
   prov: [
     {quote: 'justified the request for peacekeeping forces with an alleged influx of 20,000 foreign terrorists. There was no convincing evidence for this.', quoteStart: 5960, quoteEnd: 6101}
   ]}
] AS row
MERGE (n:Claim {id: row.id})
ON CREATE SET n.name = row.name, n.text = row.text, n.status = row.status, n.statusNote = row.statusNote
WITH s, n, row
// A source that gives a value differently keeps it beside the first, with its source id.
CALL (n, row, s) {
  WITH [k IN ['text', 'status'] WHERE row[k] IS NOT NULL AND coalesce(n[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(n.disputedProperties, [])) - 1) WHERE n.disputedProperties[i] = k AND n.disputedSourceIds[i] = s.id)] AS disputed
  WHERE disputed <> []
  SET n.disputedProperties = coalesce(n.disputedProperties, []) + disputed,
      n.disputedValues = coalesce(n.disputedValues, []) + [k IN disputed | toString(row[k])],
      n.disputedSourceIds = coalesce(n.disputedSourceIds, []) + [k IN disputed | s.id]
}
UNWIND row.prov AS p
MERGE (n)-[r:SOURCED_FROM {quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}]->(s)
ON CREATE SET r.quote = p.quote;

// SAID_BY: Statement -> Person
UNWIND [
  {from: 'statement-peskov-no-2022-10-10', to: 'dmitry-peskov', quote: 'Dmytro Peskov replied: "No."', quoteStart: 1077, quoteEnd: 1105},
  {from: 'statement-simonyan-gun', to: 'alen-simonyan', quote: 'Simonyan compared the CSTO to a gun', quoteStart: 2158, quoteEnd: 2193},
  {from: 'statement-simonyan-public-television', to: 'alen-simonyan', quote: 'said Simonyan on the air of Public Television of Armenia', quoteStart: 2563, quoteEnd: 2619},
  {from: 'statement-nesmiyan-russia-withdrawing', to: 'anatoly-nesmiyan', quote: 'Political scientist Anatolij Nesmijan believes', quoteStart: 2993, quoteEnd: 3039},
  {from: 'statement-nesmiyan-us-armenia-nato', to: 'anatoly-nesmiyan', quote: 'garbage from the house", writes Nesmijan.', quoteStart: 3642, quoteEnd: 3683},
  {from: 'statement-nesmiyan-collapse-of-ussr', to: 'anatoly-nesmiyan', quote: 'he continues', quoteStart: 3767, quoteEnd: 3779},
  {from: 'statement-marat-csto-troops-kazakhstan', to: 'erica-marat', quote: 'says Erika Marat', quoteStart: 6310, quoteEnd: 6326},
  {from: 'statement-topwar-author-comedy', to: 'topwar-author', quote: 'writes the author of the portal topwar.ru', quoteStart: 7630, quoteEnd: 7671}
] AS row
MATCH (a:Statement {id: row.from}), (b:Person {id: row.to})
MERGE (a)-[r:SAID_BY]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// SAID_BY: Statement -> Organization
UNWIND [
  {from: 'statement-member-politicians-dissatisfied', to: 'member-state-politicians', quote: 'Many politicians of the member countries of the bloc are dissatisfied', quoteStart: 1544, quoteEnd: 1613},
  {from: 'statement-yerevan-demonstrators-demands', to: 'yerevan-demonstrators', quote: 'a meeting was held in Yerevan, where Armenia\'s withdrawal from the Collective Security Treaty and the start of negotiations with new allies were demanded', quoteStart: 1696, quoteEnd: 1849},
  {from: 'statement-observers-amorphous', to: 'observers', quote: 'Observers often call ODKB an amorphous organization.', quoteStart: 5628, quoteEnd: 5680},
  {from: 'statement-kyrgyz-politicians-question', to: 'kyrgyz-politicians-and-public-figures', quote: 'Kyrgyz politicians and public figures are asking more and more often', quoteStart: 6860, quoteEnd: 6928},
  {from: 'statement-many-experts-russian-tool', to: 'many-experts', quote: 'Many experts point out', quoteStart: 6932, quoteEnd: 6954},
  {from: 'statement-many-experts-belarus-example', to: 'many-experts', quote: 'Many experts point out that the CSTO has turned into a Russian tool for maintaining military influence and remind that Moscow\'s "generosity" must be paid for. The situation in Belarus is often cited as an example', quoteStart: 6932, quoteEnd: 7144},
  {from: 'statement-russian-war-supporters-front', to: 'russian-war-supporters', quote: 'the Russian supporters of the war - they call the organization a front', quoteStart: 7417, quoteEnd: 7487}
] AS row
MATCH (a:Statement {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:SAID_BY]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// VIA: Statement -> Organization
UNWIND [
  {from: 'statement-simonyan-public-television', to: 'public-television-of-armenia', quote: 'on the air of Public Television of Armenia', quoteStart: 2577, quoteEnd: 2619},
  {from: 'statement-simonyan-gun', to: 'public-television-of-armenia', quote: 'Simonyan compared the CSTO to a gun that "doesn\'t shoot, it can only be used to show off".
"We are very dissatisfied, of course. The expectations that were there are not justified. And, representing the people, having a relationship with the people, we won\'t be able to explain to them for a long time why the ODKB is not doing what was planned. And, of course, we are already drawing these conclusions." said Simonyan on the air of Public Television of Armenia', quoteStart: 2158, quoteEnd: 2619},
  {from: 'statement-topwar-author-comedy', to: 'topwar-ru', quote: 'the author of the portal topwar.ru', quoteStart: 7637, quoteEnd: 7671}
] AS row
MATCH (a:Statement {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:VIA]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// ABOUT: Statement -> State
UNWIND [
  {from: 'statement-peskov-no-2022-10-10', to: 'russia', quote: 'if there were differences between Russia and Kyrgyzstan', quoteStart: 1020, quoteEnd: 1075},
  {from: 'statement-peskov-no-2022-10-10', to: 'kyrgyzstan', quote: 'if there were differences between Russia and Kyrgyzstan', quoteStart: 1020, quoteEnd: 1075},
  {from: 'statement-yerevan-demonstrators-demands', to: 'armenia', quote: 'Armenia\'s withdrawal from the Collective Security Treaty', quoteStart: 1733, quoteEnd: 1789},
  {from: 'statement-nesmiyan-russia-withdrawing', to: 'russia', quote: 'Russia is about to withdraw from Transcaucasia and Central Asia', quoteStart: 3045, quoteEnd: 3108},
  {from: 'statement-nesmiyan-us-armenia-nato', to: 'united-states', quote: 'the United States is looking for options to fit into the new balances', quoteStart: 3258, quoteEnd: 3327},
  {from: 'statement-nesmiyan-us-armenia-nato', to: 'armenia', quote: 'they will try to "hand over" Armenia to the Europeans and NATO', quoteStart: 3394, quoteEnd: 3456},
  {from: 'statement-nesmiyan-us-armenia-nato', to: 'turkey', quote: 'Since Turkey itself is a member of NATO', quoteStart: 3458, quoteEnd: 3497},
  {from: 'statement-nesmiyan-collapse-of-ussr', to: 'russia', quote: 'Today, Russia is no longer taken into account', quoteStart: 3967, quoteEnd: 4012},
  {from: 'statement-marat-csto-troops-kazakhstan', to: 'kazakhstan', quote: 'The CSTO troops in the cities of Kazakhstan', quoteStart: 6131, quoteEnd: 6174},
  {from: 'statement-marat-csto-troops-kazakhstan', to: 'russia', quote: 'a symbolic indicator of Russia\'s full influence and control over the political regime in Nur-Sultan', quoteStart: 6187, quoteEnd: 6286},
  {from: 'statement-kyrgyz-politicians-question', to: 'kyrgyzstan', quote: 'Is the organization of the Treaty on Collective Security of Kyrgyzstan necessary?', quoteStart: 6776, quoteEnd: 6857},
  {from: 'statement-many-experts-russian-tool', to: 'russia', quote: 'the CSTO has turned into a Russian tool for maintaining military influence and remind that Moscow\'s "generosity" must be paid for', quoteStart: 6960, quoteEnd: 7089},
  {from: 'statement-many-experts-belarus-example', to: 'belarus', quote: 'The situation in Belarus is often cited as an example', quoteStart: 7091, quoteEnd: 7144},
  {from: 'statement-russian-war-supporters-front', to: 'russia', quote: '"cooperate with the enemies of Russia."', quoteStart: 7512, quoteEnd: 7551}
] AS row
MATCH (a:Statement {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:ABOUT]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// ABOUT: Statement -> Person
UNWIND [
  {from: 'statement-many-experts-belarus-example', to: 'alexander-lukashenko', quote: 'so now he is fulfilling all of Vladimir Putin\'s wishes', quoteStart: 7229, quoteEnd: 7283},
  {from: 'statement-many-experts-belarus-example', to: 'vladimir-putin', quote: 'he is fulfilling all of Vladimir Putin\'s wishes', quoteStart: 7236, quoteEnd: 7283}
] AS row
MATCH (a:Statement {id: row.from}), (b:Person {id: row.to})
MERGE (a)-[r:ABOUT]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// ABOUT: Statement -> Organization
UNWIND [
  {from: 'statement-member-politicians-dissatisfied', to: 'csto', quote: 'dissatisfied with the activities of the CSTO - that is, their non-existence', quoteStart: 1601, quoteEnd: 1676},
  {from: 'statement-yerevan-demonstrators-demands', to: 'csto', quote: 'Armenia\'s withdrawal from the Collective Security Treaty', quoteStart: 1733, quoteEnd: 1789},
  {from: 'statement-simonyan-gun', to: 'csto', quote: 'Simonyan compared the CSTO to a gun that "doesn\'t shoot, it can only be used to show off".', quoteStart: 2158, quoteEnd: 2248},
  {from: 'statement-simonyan-public-television', to: 'csto', quote: 'why the ODKB is not doing what was planned', quoteStart: 2460, quoteEnd: 2502},
  {from: 'statement-nesmiyan-us-armenia-nato', to: 'nato', quote: 'they will try to "hand over" Armenia to the Europeans and NATO', quoteStart: 3394, quoteEnd: 3456},
  {from: 'statement-nesmiyan-collapse-of-ussr', to: 'kremlin', quote: 'the Kremlin was forced to pretend that nothing was happening', quoteStart: 3843, quoteEnd: 3903},
  {from: 'statement-observers-amorphous', to: 'csto', quote: 'Observers often call ODKB an amorphous organization.', quoteStart: 5628, quoteEnd: 5680},
  {from: 'statement-kyrgyz-politicians-question', to: 'csto', quote: 'Is the organization of the Treaty on Collective Security of Kyrgyzstan necessary?', quoteStart: 6776, quoteEnd: 6857},
  {from: 'statement-many-experts-russian-tool', to: 'csto', quote: 'the CSTO has turned into a Russian tool for maintaining military influence', quoteStart: 6960, quoteEnd: 7034},
  {from: 'statement-russian-war-supporters-front', to: 'csto', quote: 'they call the organization a front', quoteStart: 7453, quoteEnd: 7487},
  {from: 'statement-topwar-author-comedy', to: 'csto', quote: 'Isn\'t it time we finally bust this comedy called ODKB?', quoteStart: 7553, quoteEnd: 7607}
] AS row
MATCH (a:Statement {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:ABOUT]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// ABOUT: Statement -> Place
UNWIND [
  {from: 'statement-nesmiyan-russia-withdrawing', to: 'transcaucasia', quote: 'withdraw from Transcaucasia and Central Asia', quoteStart: 3064, quoteEnd: 3108},
  {from: 'statement-nesmiyan-russia-withdrawing', to: 'central-asia', quote: 'withdraw from Transcaucasia and Central Asia', quoteStart: 3064, quoteEnd: 3108},
  {from: 'statement-marat-csto-troops-kazakhstan', to: 'astana', quote: 'the political regime in Nur-Sultan, which favors Moscow', quoteStart: 6252, quoteEnd: 6307}
] AS row
MATCH (a:Statement {id: row.from}), (b:Place {id: row.to})
MERGE (a)-[r:ABOUT]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// ABOUT: Statement -> Event
UNWIND [
  {from: 'statement-peskov-no-2022-10-10', to: 'kyrgyzstan-cancels-exercise-2022-10', quote: 'When journalists asked the Press Secretary of the President of the Russian Federation the next day if there were differences between Russia and Kyrgyzstan', quoteStart: 921, quoteEnd: 1075},
  {from: 'statement-yerevan-demonstrators-demands', to: 'help-response-csto-armenia-2022', quote: 'The reason was the passive reaction of the CSTO to Armenia\'s request', quoteStart: 1851, quoteEnd: 1919},
  {from: 'statement-nesmiyan-collapse-of-ussr', to: 'ussr-dissolution', quote: 'the situation before the collapse of the USSR', quoteStart: 3719, quoteEnd: 3764},
  {from: 'statement-nesmiyan-collapse-of-ussr', to: 'russian-invasion-of-ukraine', quote: 'it has exhausted its potential on Ukrainian soil and today is on the way to finish off its army', quoteStart: 4022, quoteEnd: 4117},
  {from: 'statement-marat-csto-troops-kazakhstan', to: 'csto-deployment-kazakhstan-2022', quote: 'The CSTO troops in the cities of Kazakhstan', quoteStart: 6131, quoteEnd: 6174},
  {from: 'statement-many-experts-belarus-example', to: 'kremlin-helps-lukashenko-2020', quote: 'was helped by the Kremlin to retain power in 2020', quoteStart: 7178, quoteEnd: 7227},
  {from: 'statement-russian-war-supporters-front', to: 'russian-invasion-of-ukraine', quote: 'Apart from Lukashenka, none of the leaders of the CSTO member countries supported the Russian invasion of Ukraine, and this angered the Russian supporters of the war', quoteStart: 7285, quoteEnd: 7450}
] AS row
MATCH (a:Statement {id: row.from}), (b:Event {id: row.to})
MERGE (a)-[r:ABOUT]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// ABOUT: Claim -> State
UNWIND [
  {from: 'claim-tokayev-20000-foreign-terrorists', to: 'kazakhstan', quote: 'Kazakhstan\'s President Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces with an alleged influx of 20,000 foreign terrorists', quoteStart: 5865, quoteEnd: 6057}
] AS row
MATCH (a:Claim {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:ABOUT]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// ABOUT: Claim -> Event
UNWIND [
  {from: 'claim-tokayev-20000-foreign-terrorists', to: 'kazakhstan-unrest-2022-01', quote: 'mass protests broke out and turned into riots. Kazakhstan\'s President Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces with an alleged influx of 20,000 foreign terrorists', quoteStart: 5818, quoteEnd: 6057}
] AS row
MATCH (a:Claim {id: row.from}), (b:Event {id: row.to})
MERGE (a)-[r:ABOUT]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// MADE_AT: Statement -> Event
UNWIND [
  {from: 'statement-yerevan-demonstrators-demands', to: 'yerevan-protest-2022-09', quote: 'In mid-September, a meeting was held in Yerevan, where Armenia\'s withdrawal from the Collective Security Treaty and the start of negotiations with new allies were demanded.', quoteStart: 1678, quoteEnd: 1850}
] AS row
MATCH (a:Statement {id: row.from}), (b:Event {id: row.to})
MERGE (a)-[r:MADE_AT]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// CLAIMED_BY: Claim -> Person
UNWIND [
  {from: 'claim-tokayev-20000-foreign-terrorists', to: 'kassym-jomart-tokayev', quote: 'Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces with an alleged influx of 20,000 foreign terrorists', quoteStart: 5888, quoteEnd: 6057}
] AS row
MATCH (a:Claim {id: row.from}), (b:Person {id: row.to})
MERGE (a)-[r:CLAIMED_BY]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// JUSTIFIES: Claim -> Event
UNWIND [
  {from: 'claim-tokayev-20000-foreign-terrorists', to: 'help-request-kazakhstan-2022', quote: 'justified the request for peacekeeping forces with an alleged influx of 20,000 foreign terrorists', quoteStart: 5960, quoteEnd: 6057}
] AS row
MATCH (a:Claim {id: row.from}), (b:Event {id: row.to})
MERGE (a)-[r:JUSTIFIES]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

