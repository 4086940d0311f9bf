// Memberships (MEMBER_OF, with time intervals) and offices (HOLDS_OFFICE).
// The article treats membership of the Collective Security Treaty (1992) and of the CSTO as one thing, and so
// does the graph.
// Founders: 15 May 1992, DAY. Accessions of 1993 and the return of Uzbekistan in 2006: YEAR.
// Uzbekistan, Georgia and Azerbaijan left within five years, per the article. They are dated 1999 with YEAR
// precision: the treaty was concluded for five years and these three did not renew it when it came up for
// renewal in 1999. Their rows say so in `dateNote`, which the API shows beside the dates.
// Current members (the article: Currently ... remain CSTO members) have no endDate.
// Provenance: every quote is a verbatim substring of Source.text at [quoteStart, quoteEnd), in UTF-16 code
// units, end exclusive. Offsets are computed by script from the article, never typed by hand.
// Idempotent: MERGE on ids (relationships on their endpoints), ON CREATE SET for the values, and evidence,
// aliases and disputes added only when new (docs/model.md, "Merge rules").

// MEMBER_OF: State -> Organization
UNWIND [
  {from: 'armenia', to: 'csto', id: 'armenia-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'On May 15, 1992, shortly after the collapse of the Soviet Union, six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4310, quoteEnd: 4521},
  {from: 'kazakhstan', to: 'csto', id: 'kazakhstan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'On May 15, 1992, shortly after the collapse of the Soviet Union, six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4310, quoteEnd: 4521},
  {from: 'kyrgyzstan', to: 'csto', id: 'kyrgyzstan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'On May 15, 1992, shortly after the collapse of the Soviet Union, six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4310, quoteEnd: 4521},
  {from: 'russia', to: 'csto', id: 'russia-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'On May 15, 1992, shortly after the collapse of the Soviet Union, six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4310, quoteEnd: 4521},
  {from: 'tajikistan', to: 'csto', id: 'tajikistan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'On May 15, 1992, shortly after the collapse of the Soviet Union, six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4310, quoteEnd: 4521},
  // left within five years, taken as 1999, see the comment above
  {from: 'uzbekistan', to: 'csto', id: 'uzbekistan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: date('1999-12-31'), endPrecision: 'YEAR', dateNote: 'Not in the article, which says only that they left within five years: dated 1999, when the treaty, concluded for five years, came up for renewal.', quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378},
  {from: 'uzbekistan', to: 'csto', id: 'uzbekistan-csto-2006', startDate: date('2006-01-01'), startPrecision: 'YEAR', endDate: date('2012-12-31'), endPrecision: 'YEAR', quote: 'Uzbekistan decided to return in 2006, but changed its mind in 2012 and left the organization again', quoteStart: 5380, quoteEnd: 5478},
  {from: 'azerbaijan', to: 'csto', id: 'azerbaijan-csto-1993', startDate: date('1993-01-01'), startPrecision: 'YEAR', endDate: date('1999-12-31'), endPrecision: 'YEAR', dateNote: 'Not in the article, which says only that they left within five years: dated 1999, when the treaty, concluded for five years, came up for renewal.', quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378},
  {from: 'georgia', to: 'csto', id: 'georgia-csto-1993', startDate: date('1993-01-01'), startPrecision: 'YEAR', endDate: date('1999-12-31'), endPrecision: 'YEAR', dateNote: 'Not in the article, which says only that they left within five years: dated 1999, when the treaty, concluded for five years, came up for renewal.', quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378},
  {from: 'belarus', to: 'csto', id: 'belarus-csto-1993', startDate: date('1993-01-01'), startPrecision: 'YEAR', endDate: null, endPrecision: null, quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596},
  // the founding and joining sentences for the members that later left: more evidence for the same memberships
  {from: 'uzbekistan', to: 'csto', id: 'uzbekistan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: date('1999-12-31'), endPrecision: 'YEAR', dateNote: 'Not in the article, which says only that they left within five years: dated 1999, when the treaty, concluded for five years, came up for renewal.', quote: 'On May 15, 1992, shortly after the collapse of the Soviet Union, six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4310, quoteEnd: 4521},
  {from: 'azerbaijan', to: 'csto', id: 'azerbaijan-csto-1993', startDate: date('1993-01-01'), startPrecision: 'YEAR', endDate: date('1999-12-31'), endPrecision: 'YEAR', dateNote: 'Not in the article, which says only that they left within five years: dated 1999, when the treaty, concluded for five years, came up for renewal.', quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596},
  {from: 'georgia', to: 'csto', id: 'georgia-csto-1993', startDate: date('1993-01-01'), startPrecision: 'YEAR', endDate: date('1999-12-31'), endPrecision: 'YEAR', dateNote: 'Not in the article, which says only that they left within five years: dated 1999, when the treaty, concluded for five years, came up for renewal.', quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596},
  // the current members, as the article lists them twice: more evidence for the same memberships
  {from: 'armenia', to: 'csto', id: 'armenia-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'CSTO includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.', quoteStart: 1106, quoteEnd: 1184},
  {from: 'belarus', to: 'csto', id: 'belarus-csto-1993', startDate: date('1993-01-01'), startPrecision: 'YEAR', endDate: null, endPrecision: null, quote: 'CSTO includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.', quoteStart: 1106, quoteEnd: 1184},
  {from: 'kazakhstan', to: 'csto', id: 'kazakhstan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'CSTO includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.', quoteStart: 1106, quoteEnd: 1184},
  {from: 'kyrgyzstan', to: 'csto', id: 'kyrgyzstan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'CSTO includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.', quoteStart: 1106, quoteEnd: 1184},
  {from: 'russia', to: 'csto', id: 'russia-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'CSTO includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.', quoteStart: 1106, quoteEnd: 1184},
  {from: 'tajikistan', to: 'csto', id: 'tajikistan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'CSTO includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.', quoteStart: 1106, quoteEnd: 1184},
  {from: 'armenia', to: 'csto', id: 'armenia-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'Currently, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan remain CSTO members.', quoteStart: 5481, quoteEnd: 5576},
  {from: 'belarus', to: 'csto', id: 'belarus-csto-1993', startDate: date('1993-01-01'), startPrecision: 'YEAR', endDate: null, endPrecision: null, quote: 'Currently, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan remain CSTO members.', quoteStart: 5481, quoteEnd: 5576},
  {from: 'kazakhstan', to: 'csto', id: 'kazakhstan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'Currently, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan remain CSTO members.', quoteStart: 5481, quoteEnd: 5576},
  {from: 'kyrgyzstan', to: 'csto', id: 'kyrgyzstan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'Currently, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan remain CSTO members.', quoteStart: 5481, quoteEnd: 5576},
  {from: 'russia', to: 'csto', id: 'russia-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'Currently, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan remain CSTO members.', quoteStart: 5481, quoteEnd: 5576},
  {from: 'tajikistan', to: 'csto', id: 'tajikistan-csto-1992', startDate: date('1992-05-15'), startPrecision: 'DAY', endDate: null, endPrecision: null, quote: 'Currently, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan remain CSTO members.', quoteStart: 5481, quoteEnd: 5576}
] AS row
MATCH (a:State {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:MEMBER_OF {id: row.id}]->(b)
ON CREATE SET r.startDate = row.startDate, r.startPrecision = row.startPrecision, r.endDate = row.endDate, r.endPrecision = row.endPrecision, r.dateNote = row.dateNote, r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
CALL (r, row, sourceId) {
  WITH [k IN ['startDate', 'startPrecision', 'endDate', 'endPrecision'] WHERE row[k] IS NOT NULL AND coalesce(r[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(r.disputedProperties, [])) - 1) WHERE r.disputedProperties[i] = k AND r.disputedSourceIds[i] = sourceId)] AS disputed
  WHERE disputed <> []
  SET r.disputedProperties = coalesce(r.disputedProperties, []) + disputed,
      r.disputedValues = coalesce(r.disputedValues, []) + [k IN disputed | toString(row[k])],
      r.disputedSourceIds = coalesce(r.disputedSourceIds, []) + [k IN disputed | sourceId]
}
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// HOLDS_OFFICE: Person -> State
UNWIND [
  {from: 'kassym-jomart-tokayev', to: 'kazakhstan', id: 'kassym-jomart-tokayev-president-kazakhstan', title: 'President', quote: 'Kazakhstan\'s President Kasim-Jomart Tokayev', quoteStart: 5865, quoteEnd: 5908},
  {from: 'dmitry-peskov', to: 'russia', id: 'dmitry-peskov-press-secretary-president-russia', title: 'Press Secretary of the President of the Russian Federation', quote: 'the Press Secretary of the President of the Russian Federation the next day if there were differences between Russia and Kyrgyzstan, Dmytro Peskov', quoteStart: 944, quoteEnd: 1090},
  {from: 'alen-simonyan', to: 'armenia', id: 'alen-simonyan-parliament-speaker-armenia', title: 'Parliament Speaker', quote: 'Parliament Speaker Alen Simonyan', quoteStart: 2070, quoteEnd: 2102},
  {from: 'armen-grigoryan', to: 'armenia', id: 'armen-grigoryan-secretary-security-council-armenia', title: 'Secretary of the Security Council', quote: 'Secretary of the Security Council Armen Grigonyan', quoteStart: 2107, quoteEnd: 2156},
  {from: 'antony-blinken', to: 'united-states', id: 'antony-blinken-secretary-of-state-us', title: 'Secretary of State', quote: 'US Secretary of State Anthony Blinken', quoteStart: 2836, quoteEnd: 2873},
  {from: 'alexander-lukashenko', to: 'belarus', id: 'alexander-lukashenko-leader-belarus', title: 'Leader', quote: 'The situation in Belarus is often cited as an example: its leader Alexander Lukashenko', quoteStart: 7091, quoteEnd: 7177}
] AS row
MATCH (a:Person {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:HOLDS_OFFICE {id: row.id}]->(b)
ON CREATE SET r.title = row.title, r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
CALL (r, row, sourceId) {
  WITH [k IN ['title'] WHERE row[k] IS NOT NULL AND coalesce(r[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(r.disputedProperties, [])) - 1) WHERE r.disputedProperties[i] = k AND r.disputedSourceIds[i] = sourceId)] AS disputed
  WHERE disputed <> []
  SET r.disputedProperties = coalesce(r.disputedProperties, []) + disputed,
      r.disputedValues = coalesce(r.disputedValues, []) + [k IN disputed | toString(row[k])],
      r.disputedSourceIds = coalesce(r.disputedSourceIds, []) + [k IN disputed | sourceId]
}
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// HOLDS_OFFICE: Person -> Organization
UNWIND [
  {from: 'nancy-pelosi', to: 'us-house-of-representatives', id: 'nancy-pelosi-speaker-us-house', title: 'Speaker of the House of Representatives', quote: 'the Speaker of the House of Representatives of the US Congress, Nancy Pelosi', quoteStart: 2673, quoteEnd: 2749},
  {from: 'erica-marat', to: 'national-defense-university', id: 'erica-marat-professor-ndu', title: 'Professor', quote: 'Erika Marat, a professor at the University of National Defense in Washington', quoteStart: 6315, quoteEnd: 6391}
] AS row
MATCH (a:Person {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:HOLDS_OFFICE {id: row.id}]->(b)
ON CREATE SET r.title = row.title, r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
CALL (r, row, sourceId) {
  WITH [k IN ['title'] WHERE row[k] IS NOT NULL AND coalesce(r[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(r.disputedProperties, [])) - 1) WHERE r.disputedProperties[i] = k AND r.disputedSourceIds[i] = sourceId)] AS disputed
  WHERE disputed <> []
  SET r.disputedProperties = coalesce(r.disputedProperties, []) + disputed,
      r.disputedValues = coalesce(r.disputedValues, []) + [k IN disputed | toString(row[k])],
      r.disputedSourceIds = coalesce(r.disputedSourceIds, []) + [k IN disputed | sourceId]
}
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

