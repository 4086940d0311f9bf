// Dated events: help requests and responses, exercises and refusals, treaty, accessions, withdrawals, conflicts,
// meetings, visits, protests, support.
// cameoCode and goldstein follow the GDELT CAMEO event codes and Goldstein scale (CAMEO.goldsteinscale.txt).
// Codes used: 023 appeal for aid (3.4), 0234 appeal for military protection or peacekeeping (3.4), 122 reject
// request for material aid (-4.0), 1224 reject request for military protection or peacekeeping (-4.0), 074
// provide military protection or peacekeeping (8.5), 057 sign formal agreement (8.0), 166 expel or withdraw
// (-7.0), 062 cooperate militarily (7.4), 1212 reject military cooperation (-4.0), 042 make a visit (1.9), 043
// host a visit (2.8), 1412 demonstrate for policy change (-6.5), 145 protest violently, riot (-7.5), 051 praise
// or endorse (3.4), 070 provide aid (7.0), 180 use unconventional violence (-9.0), 190 use conventional military
// force (-10.0).
// No CAMEO code fits the collapse of the USSR (DISSOLUTION): its cameoCode and goldstein are null.
// Actors, targets, participants and places follow the rules of docs/model.md ("Who goes where"), which npm run load
// checks: conflicts have every party as actor and target, a treaty its signatories as actors, help requests and
// responses the place the help was asked for, refusals the place of the exercise they concern. Links the article
// states in words between two events are RESPONDS_TO, PROMPTED_BY, PART_OF_EVENT and COINCIDED_WITH.
// A HELP_RESPONSE RESPONDS_TO its HELP_REQUEST. An EXERCISE_CANCELLATION (a state refusing to host or to join an
// exercise) RESPONDS_TO the EXERCISE it refuses. The CSTO deployment to Kazakhstan is PART_OF_EVENT the response
// that granted the request.
// Dates the article does not give stay null (the collapse of the USSR, the invasion of Ukraine, the support of
// Lukashenko for it, the CSTO exercises in Kazakhstan).
// Provenance: every quote is a verbatim substring of Source.text at [quoteStart, quoteEnd), in UTF-16 code
// units, end exclusive. Offsets are computed by script from the article, never typed by hand.
// Idempotent: MERGE on ids (relationships on their endpoints), ON CREATE SET for the values, and evidence,
// aliases and disputes added only when new (docs/model.md, "Merge rules").

// Event nodes, each with its SOURCED_FROM provenance
MATCH (s:Source {id: 'csto-2022-10-13'})
UNWIND [
  // The collapse of the USSR. The article gives no date (only that it preceded 15 May 1992), so the dates stay
  // null. No CAMEO code describes a state ceasing to exist.
  {id: 'ussr-dissolution', name: 'Collapse of the Soviet Union', type: 'DISSOLUTION', cameoCode: null, goldstein: null, startDate: null, endDate: null, datePrecision: null, status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'shortly after the collapse of the Soviet Union', quoteStart: 4327, quoteEnd: 4373},
     {quote: 'Created on the ruins of the USSR', quoteStart: 72, quoteEnd: 104},
     {quote: 'before the collapse of the USSR', quoteStart: 3733, quoteEnd: 3764}
   ]},
  {id: 'csto-treaty-signing-1992', name: 'Signing of the Collective Security Treaty in Tashkent', type: 'TREATY_SIGNING', cameoCode: '057', goldstein: 8.0, startDate: date('1992-05-15'), endDate: date('1992-05-15'), datePrecision: 'DAY', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'On May 15, 1992, shortly after the collapse of the Soviet Union, six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent.', quoteStart: 4310, quoteEnd: 4522},
     {quote: 'The country, in whose capital the agreement on the formation of a military-political bloc was concluded', quoteStart: 182, quoteEnd: 285},
     {quote: 'Created on the ruins of the USSR, the Collective Security Treaty Organization (CSTO)', quoteStart: 72, quoteEnd: 156}
   ]},
  {id: 'accession-azerbaijan-1993', name: 'Azerbaijan joins the Collective Security Treaty', type: 'ACCESSION', cameoCode: '057', goldstein: 8.0, startDate: date('1993-01-01'), endDate: date('1993-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596}
   ]},
  {id: 'accession-georgia-1993', name: 'Georgia joins the Collective Security Treaty', type: 'ACCESSION', cameoCode: '057', goldstein: 8.0, startDate: date('1993-01-01'), endDate: date('1993-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596}
   ]},
  {id: 'accession-belarus-1993', name: 'Belarus joins the Collective Security Treaty', type: 'ACCESSION', cameoCode: '057', goldstein: 8.0, startDate: date('1993-01-01'), endDate: date('1993-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596}
   ]},
  {id: 'accession-uzbekistan-2006', name: 'Uzbekistan returns to the CSTO', type: 'ACCESSION', cameoCode: '057', goldstein: 8.0, startDate: date('2006-01-01'), endDate: date('2006-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'Uzbekistan decided to return in 2006', quoteStart: 5380, quoteEnd: 5416}
   ]},
  // Withdrawals within five years: dated 1999, YEAR precision. The treaty was concluded for five years and these
  // three states did not renew it when it came up for renewal in 1999.
  {id: 'withdrawal-uzbekistan-1999', name: 'Uzbekistan leaves the Collective Security Treaty', type: 'WITHDRAWAL', cameoCode: '166', goldstein: -7.0, startDate: date('1999-01-01'), endDate: date('1999-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378}
   ]},
  {id: 'withdrawal-georgia-1999', name: 'Georgia leaves the Collective Security Treaty', type: 'WITHDRAWAL', cameoCode: '166', goldstein: -7.0, startDate: date('1999-01-01'), endDate: date('1999-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378}
   ]},
  {id: 'withdrawal-azerbaijan-1999', name: 'Azerbaijan leaves the Collective Security Treaty', type: 'WITHDRAWAL', cameoCode: '166', goldstein: -7.0, startDate: date('1999-01-01'), endDate: date('1999-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378}
   ]},
  {id: 'withdrawal-uzbekistan-2012', name: 'Uzbekistan leaves the CSTO again', type: 'WITHDRAWAL', cameoCode: '166', goldstein: -7.0, startDate: date('2012-01-01'), endDate: date('2012-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'but changed its mind in 2012 and left the organization again', quoteStart: 5418, quoteEnd: 5478},
     {quote: 'The country, in whose capital the agreement on the formation of a military-political bloc was concluded, no longer belongs to it', quoteStart: 182, quoteEnd: 310}
   ]},
  {id: 'batken-incursion-1999', name: 'Incursion of armed Islamists into Batken', type: 'ARMED_CONFLICT', cameoCode: '190', goldstein: -10.0, startDate: date('1999-01-01'), endDate: date('1999-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'in 1999, during the events in Batken, when armed Islamists from Afghanistan and Tajikistan invaded the country', quoteStart: 6458, quoteEnd: 6568}
   ]},
  // CAMEO 180 (use unconventional violence): inter-ethnic violence between unnamed groups, not a fight between
  // armed forces.
  {id: 'osh-batken-conflict-2010', name: 'Inter-ethnic conflict in Osh and Batken', type: 'ARMED_CONFLICT', cameoCode: '180', goldstein: -9.0, startDate: date('2010-01-01'), endDate: date('2010-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'in 2010, when a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6570, quoteEnd: 6643}
   ]},
  {id: 'tajik-kyrgyz-border-conflict-2021', name: 'Armed conflict on the Tajik-Kyrgyz border', type: 'ARMED_CONFLICT', cameoCode: '190', goldstein: -10.0, startDate: date('2021-01-01'), endDate: date('2021-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'in 2021, during another, but especially harsh, armed conflict on the Tajik-Kyrgyz border', quoteStart: 6649, quoteEnd: 6737},
     {quote: 'two more are constantly at war with each other', quoteStart: 445, quoteEnd: 491}
   ]},
  {id: 'help-request-kyrgyzstan-1999', name: 'Kyrgyzstan asks the CSTO for help (1999)', type: 'HELP_REQUEST', cameoCode: '023', goldstein: 3.4, startDate: date('1999-01-01'), endDate: date('1999-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: 'REFUSED', responseManner: 'EXPLICIT',
   prov: [
     {quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times', quoteStart: 6393, quoteEnd: 6455},
     {quote: 'in 1999, during the events in Batken', quoteStart: 6458, quoteEnd: 6494}
   ]},
  {id: 'help-response-csto-kyrgyzstan-1999', name: 'The CSTO rejects Kyrgyzstan\'s request for help (1999)', type: 'HELP_RESPONSE', cameoCode: '122', goldstein: -4.0, startDate: date('1999-01-01'), endDate: date('1999-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: 'REFUSED', responseManner: 'EXPLICIT',
   prov: [
     {quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775}
   ]},
  {id: 'help-request-kyrgyzstan-2010', name: 'Kyrgyzstan asks the CSTO for help (2010)', type: 'HELP_REQUEST', cameoCode: '023', goldstein: 3.4, startDate: date('2010-01-01'), endDate: date('2010-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: 'REFUSED', responseManner: 'EXPLICIT',
   prov: [
     {quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times', quoteStart: 6393, quoteEnd: 6455},
     {quote: 'in 2010, when a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6570, quoteEnd: 6643}
   ]},
  {id: 'help-response-csto-kyrgyzstan-2010', name: 'The CSTO rejects Kyrgyzstan\'s request for help (2010)', type: 'HELP_RESPONSE', cameoCode: '122', goldstein: -4.0, startDate: date('2010-01-01'), endDate: date('2010-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: 'REFUSED', responseManner: 'EXPLICIT',
   prov: [
     {quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775}
   ]},
  {id: 'help-request-kyrgyzstan-2021', name: 'Kyrgyzstan asks the CSTO for help (2021)', type: 'HELP_REQUEST', cameoCode: '023', goldstein: 3.4, startDate: date('2021-01-01'), endDate: date('2021-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: 'REFUSED', responseManner: 'EXPLICIT',
   prov: [
     {quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times', quoteStart: 6393, quoteEnd: 6455},
     {quote: 'in 2021, during another, but especially harsh, armed conflict on the Tajik-Kyrgyz border', quoteStart: 6649, quoteEnd: 6737}
   ]},
  {id: 'help-response-csto-kyrgyzstan-2021', name: 'The CSTO rejects Kyrgyzstan\'s request for help (2021)', type: 'HELP_RESPONSE', cameoCode: '122', goldstein: -4.0, startDate: date('2021-01-01'), endDate: date('2021-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: 'REFUSED', responseManner: 'EXPLICIT',
   prov: [
     {quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775}
   ]},
  {id: 'kremlin-helps-lukashenko-2020', name: 'The Kremlin helps Lukashenko retain power', type: 'SUPPORT', cameoCode: '070', goldstein: 7.0, startDate: date('2020-01-01'), endDate: date('2020-12-31'), datePrecision: 'YEAR', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'its leader Alexander Lukashenko was helped by the Kremlin to retain power in 2020', quoteStart: 7146, quoteEnd: 7227}
   ]},
  // The article does not date the invasion, so its dates stay null.
  {id: 'russian-invasion-of-ukraine', name: 'Russian invasion of Ukraine', type: 'INVASION', cameoCode: '190', goldstein: -10.0, startDate: null, endDate: null, datePrecision: null, status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'the Russian invasion of Ukraine', quoteStart: 7367, quoteEnd: 7398},
     {quote: 'Russia\'s international reputation after the attack on Ukraine', quoteStart: 7675, quoteEnd: 7736},
     {quote: 'two of the six participating countries are actually at war with other countries, but they conduct hostilities with their own forces', quoteStart: 312, quoteEnd: 443}
   ]},
  // Undated in the article.
  {id: 'lukashenko-supports-invasion-of-ukraine', name: 'Lukashenko supports the Russian invasion of Ukraine', type: 'SUPPORT', cameoCode: '051', goldstein: 3.4, startDate: null, endDate: null, datePrecision: null, status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'Apart from Lukashenka, none of the leaders of the CSTO member countries supported the Russian invasion of Ukraine', quoteStart: 7285, quoteEnd: 7398}
   ]},
  {id: 'kazakhstan-unrest-2022-01', name: 'Mass protests and riots in Kazakhstan', type: 'PROTEST', cameoCode: '145', goldstein: -7.5, startDate: date('2022-01-01'), endDate: date('2022-01-31'), datePrecision: 'MONTH', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'in January 2022, it sent peacekeeping forces to Kazakhstan, where mass protests broke out and turned into riots', quoteStart: 5752, quoteEnd: 5863}
   ]},
  {id: 'help-request-kazakhstan-2022', name: 'Kazakhstan asks the CSTO for peacekeeping forces', type: 'HELP_REQUEST', cameoCode: '0234', goldstein: 3.4, startDate: date('2022-01-01'), endDate: date('2022-01-31'), datePrecision: 'MONTH', status: 'OCCURRED', outcome: 'GRANTED', responseManner: 'EXPLICIT',
   prov: [
     {quote: 'Kazakhstan\'s President Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces', quoteStart: 5865, quoteEnd: 6005}
   ]},
  {id: 'help-response-csto-kazakhstan-2022', name: 'The CSTO grants Kazakhstan\'s request and sends peacekeeping forces', type: 'HELP_RESPONSE', cameoCode: '074', goldstein: 8.5, startDate: date('2022-01-01'), endDate: date('2022-01-31'), datePrecision: 'MONTH', status: 'OCCURRED', outcome: 'GRANTED', responseManner: 'EXPLICIT',
   prov: [
     {quote: 'During its entire existence, it used a military contingent only once - in January 2022, it sent peacekeeping forces to Kazakhstan, where mass protests broke out and turned into riots.', quoteStart: 5681, quoteEnd: 5864}
   ]},
  {id: 'csto-deployment-kazakhstan-2022', name: 'CSTO peacekeeping forces deployed to Kazakhstan', type: 'DEPLOYMENT', cameoCode: '074', goldstein: 8.5, startDate: date('2022-01-01'), endDate: date('2022-01-31'), datePrecision: 'MONTH', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'in January 2022, it sent peacekeeping forces to Kazakhstan', quoteStart: 5752, quoteEnd: 5810}
   ]},
  // Dated January 2022 by its context: the Kazakhstan unrest and request of that month.
  {id: 'putin-supports-tokayev-2022-01', name: 'Putin supports Tokayev', type: 'SUPPORT', cameoCode: '051', goldstein: 3.4, startDate: date('2022-01-01'), endDate: date('2022-01-31'), datePrecision: 'MONTH', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'But Putin supported Tokaev.', quoteStart: 6102, quoteEnd: 6129}
   ]},
  {id: 'armenia-azerbaijan-clashes-2022-09', name: 'Armenia-Azerbaijan fighting of 12-13 September 2022', type: 'ARMED_CONFLICT', cameoCode: '190', goldstein: -10.0, startDate: date('2022-09-12'), endDate: date('2022-09-13'), datePrecision: 'DAY', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'the conflict zone with Azerbaijan, which continued on the night of September 12-13', quoteStart: 1950, quoteEnd: 2032},
     {quote: 'two of the six participating countries are actually at war with other countries, but they conduct hostilities with their own forces', quoteStart: 312, quoteEnd: 443}
   ]},
  // Armenia asked the CSTO to send military personnel to the conflict zone: an appeal for military protection
  // (0234). The article dates it only by the fighting of 12-13 September, hence MONTH.
  {id: 'help-request-armenia-2022', name: 'Armenia asks the CSTO to send military personnel', type: 'HELP_REQUEST', cameoCode: '0234', goldstein: 3.4, startDate: date('2022-09-01'), endDate: date('2022-09-30'), datePrecision: 'MONTH', status: 'OCCURRED', outcome: 'REFUSED', responseManner: 'PASSIVE',
   prov: [
     {quote: 'Armenia\'s request to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1902, quoteEnd: 1983}
   ]},
  // A refusal by passivity: CAMEO 1224, reject request for military protection or peacekeeping.
  {id: 'help-response-csto-armenia-2022', name: 'The CSTO reacts passively to Armenia\'s request', type: 'HELP_RESPONSE', cameoCode: '1224', goldstein: -4.0, startDate: date('2022-09-01'), endDate: date('2022-09-30'), datePrecision: 'MONTH', status: 'OCCURRED', outcome: 'REFUSED', responseManner: 'PASSIVE',
   prov: [
     {quote: 'the passive reaction of the CSTO to Armenia\'s request to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1866, quoteEnd: 1983}
   ]},
  // A rally demanding a change of policy: CAMEO 1412. Mid-September has no finer precision than MONTH.
  {id: 'yerevan-protest-2022-09', name: 'Meeting in Yerevan demanding Armenia\'s withdrawal from the Collective Security Treaty', type: 'PROTEST', cameoCode: '1412', goldstein: -6.5, startDate: date('2022-09-01'), endDate: date('2022-09-30'), datePrecision: 'MONTH', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'In mid-September, a meeting was held in Yerevan, where Armenia\'s withdrawal from the Collective Security Treaty and the start of negotiations with new allies were demanded.', quoteStart: 1678, quoteEnd: 1850},
     {quote: 'The demonstrators were supported by Parliament Speaker Alen Simonyan and Secretary of the Security Council Armen Grigonyan.', quoteStart: 2034, quoteEnd: 2157},
     {quote: 'The protests coincided with the visit to Yerevan', quoteStart: 2621, quoteEnd: 2669}
   ]},
  // The support the article states for the demonstrators, as its own SUPPORT event (the protest keeps the two as
  // participants with detail "supporter"). CAMEO 051 (praise or endorse); dated like the protest.
  {id: 'simonyan-grigoryan-support-demonstrators-2022-09', name: 'Simonyan and Grigoryan support the Yerevan demonstrators', type: 'SUPPORT', cameoCode: '051', goldstein: 3.4, startDate: date('2022-09-01'), endDate: date('2022-09-30'), datePrecision: 'MONTH', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'The demonstrators were supported by Parliament Speaker Alen Simonyan and Secretary of the Security Council Armen Grigonyan.', quoteStart: 2034, quoteEnd: 2157}
   ]},
  // Dated by the article: the day before the very next day, September 19.
  {id: 'pelosi-visit-yerevan-2022-09', name: 'Nancy Pelosi visits Yerevan', type: 'VISIT', cameoCode: '042', goldstein: 1.9, startDate: date('2022-09-18'), endDate: date('2022-09-18'), datePrecision: 'DAY', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'The protests coincided with the visit to Yerevan of the Speaker of the House of Representatives of the US Congress, Nancy Pelosi', quoteStart: 2621, quoteEnd: 2749}
   ]},
  // The US Secretary of State hosting the two ministers in the US: CAMEO 043 (host a visit). Dated 19 September,
  // the day the article says it became known.
  {id: 'blinken-armenia-azerbaijan-meeting-2022-09', name: 'Tripartite meeting of Blinken with the foreign ministers of Armenia and Azerbaijan in New York', type: 'MEETING', cameoCode: '043', goldstein: 2.8, startDate: date('2022-09-19'), endDate: date('2022-09-19'), datePrecision: 'DAY', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'the very next day, September 19, it became known about the tripartite meeting of US Secretary of State Anthony Blinken with the heads of foreign affairs of Armenia and Azerbaijan in New York', quoteStart: 2755, quoteEnd: 2945}
   ]},
  {id: 'exercise-indestructible-brotherhood-2022', name: 'Exercise "Indestructible Brotherhood - 2022"', type: 'EXERCISE', cameoCode: '062', goldstein: 7.4, startDate: date('2022-10-10'), endDate: date('2022-10-14'), datePrecision: 'DAY', status: 'CANCELLED', outcome: null, responseManner: null,
   prov: [
     {quote: 'Command and staff exercises called "Indestructible Brotherhood - 2022" were supposed to take place in the Isik-Kul region from October 10 to 14, but were canceled without giving a reason.', quoteStart: 733, quoteEnd: 920},
     {quote: 'At the exercises in the city of Balikča, Isik-Kul region, they planned to practice the ceasefire regime.', quoteStart: 1185, quoteEnd: 1289}
   ]},
  // Dated 9 October 2022, the day the article says it was reported.
  {id: 'kyrgyzstan-cancels-exercise-2022-10', name: 'Kyrgyzstan refuses to host the CSTO exercise', type: 'EXERCISE_CANCELLATION', cameoCode: '1212', goldstein: -4.0, startDate: date('2022-10-09'), endDate: date('2022-10-09'), datePrecision: 'DAY', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'The last time about the CSTO was mentioned in the news space on October 9: Kyrgyzstan refused to conduct training of the organization\'s peacekeeping forces on its territory.', quoteStart: 559, quoteEnd: 732},
     {quote: 'but were canceled without giving a reason', quoteStart: 878, quoteEnd: 919}
   ]},
  // The article does not date these exercises or say whether they took place: status PLANNED, dates null.
  {id: 'csto-exercises-kazakhstan-2022', name: 'CSTO exercises in Kazakhstan (2022)', type: 'EXERCISE', cameoCode: '062', goldstein: 7.4, startDate: null, endDate: null, datePrecision: null, status: 'PLANNED', outcome: null, responseManner: null,
   prov: [
     {quote: 'CSTO exercises in Kazakhstan', quoteStart: 1482, quoteEnd: 1510}
   ]},
  // At the end of September 2022: MONTH precision.
  {id: 'armenia-refuses-exercises-2022-09', name: 'Armenia refuses to take part in the CSTO exercises in Kazakhstan', type: 'EXERCISE_CANCELLATION', cameoCode: '1212', goldstein: -4.0, startDate: date('2022-09-01'), endDate: date('2022-09-30'), datePrecision: 'MONTH', status: 'OCCURRED', outcome: null, responseManner: null,
   prov: [
     {quote: 'For example, at the end of September, Armenia refused to participate in CSTO exercises in Kazakhstan.', quoteStart: 1410, quoteEnd: 1511}
   ]}
] AS row
MERGE (n:Event {id: row.id})
ON CREATE SET n.name = row.name, n.type = row.type, n.cameoCode = row.cameoCode, n.goldstein = row.goldstein, n.startDate = row.startDate, n.endDate = row.endDate, n.datePrecision = row.datePrecision, n.status = row.status, n.outcome = row.outcome, n.responseManner = row.responseManner
WITH s, n, row
// A source that gives a value differently keeps it beside the first, with its source id.
CALL (n, row, s) {
  WITH [k IN ['type', 'cameoCode', 'goldstein', 'startDate', 'endDate', 'datePrecision', 'status', 'outcome', 'responseManner'] WHERE row[k] IS NOT NULL AND coalesce(n[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(n.disputedProperties, [])) - 1) WHERE n.disputedProperties[i] = k AND n.disputedSourceIds[i] = s.id)] AS disputed
  WHERE disputed <> []
  SET n.disputedProperties = coalesce(n.disputedProperties, []) + disputed,
      n.disputedValues = coalesce(n.disputedValues, []) + [k IN disputed | toString(row[k])],
      n.disputedSourceIds = coalesce(n.disputedSourceIds, []) + [k IN disputed | s.id]
}
UNWIND row.prov AS p
MERGE (n)-[r:SOURCED_FROM {quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}]->(s)
ON CREATE SET r.quote = p.quote;

// HAS_ACTOR: Event -> State
UNWIND [
  {from: 'ussr-dissolution', to: 'ussr', quote: 'shortly after the collapse of the Soviet Union', quoteStart: 4327, quoteEnd: 4373},
  {from: 'accession-azerbaijan-1993', to: 'azerbaijan', quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596},
  {from: 'accession-georgia-1993', to: 'georgia', quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596},
  {from: 'accession-belarus-1993', to: 'belarus', quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596},
  {from: 'accession-uzbekistan-2006', to: 'uzbekistan', quote: 'Uzbekistan decided to return in 2006', quoteStart: 5380, quoteEnd: 5416},
  {from: 'withdrawal-uzbekistan-1999', to: 'uzbekistan', quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378},
  {from: 'withdrawal-georgia-1999', to: 'georgia', quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378},
  {from: 'withdrawal-azerbaijan-1999', to: 'azerbaijan', quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378},
  {from: 'withdrawal-uzbekistan-2012', to: 'uzbekistan', quote: 'Uzbekistan decided to return in 2006, but changed its mind in 2012 and left the organization again', quoteStart: 5380, quoteEnd: 5478},
  {from: 'help-request-kyrgyzstan-1999', to: 'kyrgyzstan', quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times', quoteStart: 6393, quoteEnd: 6455},
  {from: 'help-request-kyrgyzstan-2010', to: 'kyrgyzstan', quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times', quoteStart: 6393, quoteEnd: 6455},
  {from: 'help-request-kyrgyzstan-2021', to: 'kyrgyzstan', quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times', quoteStart: 6393, quoteEnd: 6455},
  {from: 'russian-invasion-of-ukraine', to: 'russia', quote: 'the Russian invasion of Ukraine', quoteStart: 7367, quoteEnd: 7398},
  {from: 'help-request-kazakhstan-2022', to: 'kazakhstan', quote: 'Kazakhstan\'s President Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces', quoteStart: 5865, quoteEnd: 6005},
  {from: 'help-request-armenia-2022', to: 'armenia', quote: 'Armenia\'s request to send military personnel', quoteStart: 1902, quoteEnd: 1946},
  {from: 'blinken-armenia-azerbaijan-meeting-2022-09', to: 'united-states', quote: 'the tripartite meeting of US Secretary of State', quoteStart: 2810, quoteEnd: 2857},
  {from: 'csto-treaty-signing-1992', to: 'armenia', quote: 'six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4375, quoteEnd: 4521},
  {from: 'csto-treaty-signing-1992', to: 'kazakhstan', quote: 'six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4375, quoteEnd: 4521},
  {from: 'csto-treaty-signing-1992', to: 'kyrgyzstan', quote: 'six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4375, quoteEnd: 4521},
  {from: 'csto-treaty-signing-1992', to: 'russia', quote: 'six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4375, quoteEnd: 4521},
  {from: 'csto-treaty-signing-1992', to: 'tajikistan', quote: 'six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4375, quoteEnd: 4521},
  {from: 'csto-treaty-signing-1992', to: 'uzbekistan', quote: 'six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent', quoteStart: 4375, quoteEnd: 4521},
  {from: 'tajik-kyrgyz-border-conflict-2021', to: 'kyrgyzstan', quote: 'armed conflict on the Tajik-Kyrgyz border', quoteStart: 6696, quoteEnd: 6737},
  {from: 'tajik-kyrgyz-border-conflict-2021', to: 'tajikistan', quote: 'armed conflict on the Tajik-Kyrgyz border', quoteStart: 6696, quoteEnd: 6737},
  {from: 'armenia-azerbaijan-clashes-2022-09', to: 'armenia', quote: 'Armenia\'s request to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1902, quoteEnd: 1983},
  {from: 'armenia-azerbaijan-clashes-2022-09', to: 'azerbaijan', quote: 'the conflict zone with Azerbaijan, which continued on the night of September 12-13', quoteStart: 1950, quoteEnd: 2032},
  {from: 'kyrgyzstan-cancels-exercise-2022-10', to: 'kyrgyzstan', quote: 'Kyrgyzstan refused to conduct training of the organization\'s peacekeeping forces on its territory', quoteStart: 634, quoteEnd: 731},
  {from: 'armenia-refuses-exercises-2022-09', to: 'armenia', quote: 'Armenia refused to participate in CSTO exercises', quoteStart: 1448, quoteEnd: 1496}
] AS row
MATCH (a:Event {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:HAS_ACTOR]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// HAS_ACTOR: Event -> Person
UNWIND [
  {from: 'lukashenko-supports-invasion-of-ukraine', to: 'alexander-lukashenko', quote: 'Apart from Lukashenka, none of the leaders of the CSTO member countries supported the Russian invasion of Ukraine', quoteStart: 7285, quoteEnd: 7398},
  {from: 'putin-supports-tokayev-2022-01', to: 'vladimir-putin', quote: 'But Putin supported Tokaev.', quoteStart: 6102, quoteEnd: 6129},
  {from: 'pelosi-visit-yerevan-2022-09', to: 'nancy-pelosi', quote: 'the visit to Yerevan of the Speaker of the House of Representatives of the US Congress, Nancy Pelosi', quoteStart: 2649, quoteEnd: 2749},
  {from: 'simonyan-grigoryan-support-demonstrators-2022-09', to: 'alen-simonyan', quote: 'The demonstrators were supported by Parliament Speaker Alen Simonyan', quoteStart: 2034, quoteEnd: 2102},
  {from: 'simonyan-grigoryan-support-demonstrators-2022-09', to: 'armen-grigoryan', quote: 'The demonstrators were supported by Parliament Speaker Alen Simonyan and Secretary of the Security Council Armen Grigonyan', quoteStart: 2034, quoteEnd: 2156},
  {from: 'blinken-armenia-azerbaijan-meeting-2022-09', to: 'antony-blinken', quote: 'the tripartite meeting of US Secretary of State Anthony Blinken', quoteStart: 2810, quoteEnd: 2873}
] AS row
MATCH (a:Event {id: row.from}), (b:Person {id: row.to})
MERGE (a)-[r:HAS_ACTOR]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// HAS_ACTOR: Event -> Organization
UNWIND [
  {from: 'batken-incursion-1999', to: 'batken-armed-islamists', quote: 'armed Islamists from Afghanistan and Tajikistan invaded the country', quoteStart: 6501, quoteEnd: 6568},
  {from: 'help-response-csto-kyrgyzstan-1999', to: 'csto', quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775},
  {from: 'help-response-csto-kyrgyzstan-2010', to: 'csto', quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775},
  {from: 'help-response-csto-kyrgyzstan-2021', to: 'csto', quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775},
  {from: 'osh-batken-conflict-2010', to: 'osh-batken-2010-ethnic-groups', quote: 'a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6584, quoteEnd: 6643},
  {from: 'kazakhstan-unrest-2022-01', to: 'kazakhstan-protesters-2022-01', quote: 'Kazakhstan, where mass protests broke out and turned into riots', quoteStart: 5800, quoteEnd: 5863},
  {from: 'kremlin-helps-lukashenko-2020', to: 'kremlin', quote: 'was helped by the Kremlin to retain power in 2020', quoteStart: 7178, quoteEnd: 7227},
  {from: 'help-response-csto-kazakhstan-2022', to: 'csto', quote: 'it used a military contingent only once - in January 2022, it sent peacekeeping forces to Kazakhstan', quoteStart: 5710, quoteEnd: 5810},
  {from: 'csto-deployment-kazakhstan-2022', to: 'csto', quote: 'it used a military contingent only once - in January 2022, it sent peacekeeping forces to Kazakhstan', quoteStart: 5710, quoteEnd: 5810},
  {from: 'help-response-csto-armenia-2022', to: 'csto', quote: 'the passive reaction of the CSTO', quoteStart: 1866, quoteEnd: 1898},
  {from: 'yerevan-protest-2022-09', to: 'yerevan-demonstrators', quote: 'The demonstrators were supported by', quoteStart: 2034, quoteEnd: 2069},
  {from: 'exercise-indestructible-brotherhood-2022', to: 'csto', quote: 'Kyrgyzstan refused to conduct training of the organization\'s peacekeeping forces', quoteStart: 634, quoteEnd: 714},
  {from: 'csto-exercises-kazakhstan-2022', to: 'csto', quote: 'CSTO exercises in Kazakhstan', quoteStart: 1482, quoteEnd: 1510}
] AS row
MATCH (a:Event {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:HAS_ACTOR]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// HAS_TARGET: Event -> State
UNWIND [
  {from: 'batken-incursion-1999', to: 'kyrgyzstan', quote: 'Kyrgyzstan turned to the CSTO for help three times - in 1999, during the events in Batken, when armed Islamists from Afghanistan and Tajikistan invaded the country', quoteStart: 6405, quoteEnd: 6568},
  {from: 'help-response-csto-kyrgyzstan-1999', to: 'kyrgyzstan', quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775},
  {from: 'help-response-csto-kyrgyzstan-2010', to: 'kyrgyzstan', quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775},
  {from: 'help-response-csto-kyrgyzstan-2021', to: 'kyrgyzstan', quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775},
  {from: 'russian-invasion-of-ukraine', to: 'ukraine', quote: 'the Russian invasion of Ukraine', quoteStart: 7367, quoteEnd: 7398},
  {from: 'lukashenko-supports-invasion-of-ukraine', to: 'russia', quote: 'supported the Russian invasion of Ukraine', quoteStart: 7357, quoteEnd: 7398},
  {from: 'help-response-csto-kazakhstan-2022', to: 'kazakhstan', quote: 'it sent peacekeeping forces to Kazakhstan', quoteStart: 5769, quoteEnd: 5810},
  {from: 'csto-deployment-kazakhstan-2022', to: 'kazakhstan', quote: 'it sent peacekeeping forces to Kazakhstan', quoteStart: 5769, quoteEnd: 5810},
  {from: 'help-response-csto-armenia-2022', to: 'armenia', quote: 'the passive reaction of the CSTO to Armenia\'s request to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1866, quoteEnd: 1983},
  {from: 'yerevan-protest-2022-09', to: 'armenia', quote: 'where Armenia\'s withdrawal from the Collective Security Treaty and the start of negotiations with new allies were demanded', quoteStart: 1727, quoteEnd: 1849},
  {from: 'pelosi-visit-yerevan-2022-09', to: 'armenia', quote: 'the visit to Yerevan of the Speaker of the House of Representatives of the US Congress, Nancy Pelosi', quoteStart: 2649, quoteEnd: 2749},
  {from: 'tajik-kyrgyz-border-conflict-2021', to: 'kyrgyzstan', quote: 'armed conflict on the Tajik-Kyrgyz border', quoteStart: 6696, quoteEnd: 6737},
  {from: 'tajik-kyrgyz-border-conflict-2021', to: 'tajikistan', quote: 'armed conflict on the Tajik-Kyrgyz border', quoteStart: 6696, quoteEnd: 6737},
  {from: 'armenia-azerbaijan-clashes-2022-09', to: 'armenia', quote: 'Armenia\'s request to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1902, quoteEnd: 1983},
  {from: 'armenia-azerbaijan-clashes-2022-09', to: 'azerbaijan', quote: 'the conflict zone with Azerbaijan, which continued on the night of September 12-13', quoteStart: 1950, quoteEnd: 2032},
  {from: 'kazakhstan-unrest-2022-01', to: 'kazakhstan', quote: 'Kazakhstan, where mass protests broke out and turned into riots', quoteStart: 5800, quoteEnd: 5863},
  {from: 'blinken-armenia-azerbaijan-meeting-2022-09', to: 'armenia', quote: 'with the heads of foreign affairs of Armenia and Azerbaijan', quoteStart: 2874, quoteEnd: 2933},
  {from: 'blinken-armenia-azerbaijan-meeting-2022-09', to: 'azerbaijan', quote: 'with the heads of foreign affairs of Armenia and Azerbaijan', quoteStart: 2874, quoteEnd: 2933},
  {from: 'exercise-indestructible-brotherhood-2022', to: 'kyrgyzstan', quote: 'Kyrgyzstan refused to conduct training of the organization\'s peacekeeping forces on its territory', quoteStart: 634, quoteEnd: 731},
  {from: 'csto-exercises-kazakhstan-2022', to: 'kazakhstan', quote: 'CSTO exercises in Kazakhstan', quoteStart: 1482, quoteEnd: 1510}
] AS row
MATCH (a:Event {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:HAS_TARGET]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// HAS_TARGET: Event -> Person
UNWIND [
  {from: 'kremlin-helps-lukashenko-2020', to: 'alexander-lukashenko', quote: 'its leader Alexander Lukashenko was helped by the Kremlin', quoteStart: 7146, quoteEnd: 7203},
  {from: 'putin-supports-tokayev-2022-01', to: 'kassym-jomart-tokayev', quote: 'But Putin supported Tokaev.', quoteStart: 6102, quoteEnd: 6129}
] AS row
MATCH (a:Event {id: row.from}), (b:Person {id: row.to})
MERGE (a)-[r:HAS_TARGET]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// HAS_TARGET: Event -> Organization
UNWIND [
  {from: 'csto-treaty-signing-1992', to: 'csto', quote: 'signed the Collective Security Treaty in Tashkent', quoteStart: 4472, quoteEnd: 4521},
  {from: 'accession-azerbaijan-1993', to: 'csto', quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596},
  {from: 'accession-georgia-1993', to: 'csto', quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596},
  {from: 'accession-belarus-1993', to: 'csto', quote: 'The following year, Azerbaijan, Georgia and Belarus joined the agreement.', quoteStart: 4523, quoteEnd: 4596},
  {from: 'accession-uzbekistan-2006', to: 'csto', quote: '(Uzbekistan decided to return in 2006, but changed its mind in 2012 and left the organization again)', quoteStart: 5379, quoteEnd: 5479},
  {from: 'withdrawal-uzbekistan-1999', to: 'csto', quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378},
  {from: 'withdrawal-georgia-1999', to: 'csto', quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378},
  {from: 'withdrawal-azerbaijan-1999', to: 'csto', quote: 'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO', quoteStart: 5311, quoteEnd: 5378},
  {from: 'withdrawal-uzbekistan-2012', to: 'csto', quote: 'changed its mind in 2012 and left the organization again', quoteStart: 5422, quoteEnd: 5478},
  {from: 'help-request-kyrgyzstan-1999', to: 'csto', quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times', quoteStart: 6393, quoteEnd: 6455},
  {from: 'help-request-kyrgyzstan-2010', to: 'csto', quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times', quoteStart: 6393, quoteEnd: 6455},
  {from: 'help-request-kyrgyzstan-2021', to: 'csto', quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times', quoteStart: 6393, quoteEnd: 6455},
  {from: 'help-request-kazakhstan-2022', to: 'csto', quote: 'it used a military contingent only once - in January 2022, it sent peacekeeping forces to Kazakhstan, where mass protests broke out and turned into riots. Kazakhstan\'s President Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces', quoteStart: 5710, quoteEnd: 6005},
  {from: 'help-request-armenia-2022', to: 'csto', quote: 'the passive reaction of the CSTO to Armenia\'s request to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1866, quoteEnd: 1983},
  {from: 'kyrgyzstan-cancels-exercise-2022-10', to: 'csto', quote: 'Kyrgyzstan refused to conduct training of the organization\'s peacekeeping forces', quoteStart: 634, quoteEnd: 714},
  {from: 'armenia-refuses-exercises-2022-09', to: 'csto', quote: 'Armenia refused to participate in CSTO exercises', quoteStart: 1448, quoteEnd: 1496},
  {from: 'osh-batken-conflict-2010', to: 'osh-batken-2010-ethnic-groups', quote: 'a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6584, quoteEnd: 6643},
  {from: 'simonyan-grigoryan-support-demonstrators-2022-09', to: 'yerevan-demonstrators', quote: 'The demonstrators were supported by', quoteStart: 2034, quoteEnd: 2069}
] AS row
MATCH (a:Event {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:HAS_TARGET]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// HAS_PARTICIPANT: Event -> State
UNWIND [
  {from: 'blinken-armenia-azerbaijan-meeting-2022-09', to: 'armenia', role: 'represented by its head of foreign affairs', quote: 'with the heads of foreign affairs of Armenia and Azerbaijan', quoteStart: 2874, quoteEnd: 2933},
  {from: 'blinken-armenia-azerbaijan-meeting-2022-09', to: 'azerbaijan', role: 'represented by its head of foreign affairs', quote: 'with the heads of foreign affairs of Armenia and Azerbaijan', quoteStart: 2874, quoteEnd: 2933}
] AS row
MATCH (a:Event {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:HAS_PARTICIPANT]->(b)
ON CREATE SET r.role = row.role, r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
CALL (r, row, sourceId) {
  WITH [k IN ['role'] WHERE row[k] IS NOT NULL AND coalesce(r[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(r.disputedProperties, [])) - 1) WHERE r.disputedProperties[i] = k AND r.disputedSourceIds[i] = sourceId)] AS disputed
  WHERE disputed <> []
  SET r.disputedProperties = coalesce(r.disputedProperties, []) + disputed,
      r.disputedValues = coalesce(r.disputedValues, []) + [k IN disputed | toString(row[k])],
      r.disputedSourceIds = coalesce(r.disputedSourceIds, []) + [k IN disputed | sourceId]
}
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// HAS_PARTICIPANT: Event -> Person
UNWIND [
  {from: 'help-request-kazakhstan-2022', to: 'kassym-jomart-tokayev', role: 'requested by', quote: 'Kazakhstan\'s President Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces', quoteStart: 5865, quoteEnd: 6005},
  {from: 'yerevan-protest-2022-09', to: 'alen-simonyan', role: 'supporter', quote: 'The demonstrators were supported by Parliament Speaker Alen Simonyan', quoteStart: 2034, quoteEnd: 2102},
  {from: 'yerevan-protest-2022-09', to: 'armen-grigoryan', role: 'supporter', quote: 'The demonstrators were supported by Parliament Speaker Alen Simonyan and Secretary of the Security Council Armen Grigonyan', quoteStart: 2034, quoteEnd: 2156}
] AS row
MATCH (a:Event {id: row.from}), (b:Person {id: row.to})
MERGE (a)-[r:HAS_PARTICIPANT]->(b)
ON CREATE SET r.role = row.role, r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
CALL (r, row, sourceId) {
  WITH [k IN ['role'] WHERE row[k] IS NOT NULL AND coalesce(r[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(r.disputedProperties, [])) - 1) WHERE r.disputedProperties[i] = k AND r.disputedSourceIds[i] = sourceId)] AS disputed
  WHERE disputed <> []
  SET r.disputedProperties = coalesce(r.disputedProperties, []) + disputed,
      r.disputedValues = coalesce(r.disputedValues, []) + [k IN disputed | toString(row[k])],
      r.disputedSourceIds = coalesce(r.disputedSourceIds, []) + [k IN disputed | sourceId]
}
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// HAS_PARTICIPANT: Event -> Organization
UNWIND [
  {from: 'csto-deployment-kazakhstan-2022', to: 'csto-peacekeeping-forces', role: 'deployed force', quote: 'it sent peacekeeping forces to Kazakhstan', quoteStart: 5769, quoteEnd: 5810},
  {from: 'exercise-indestructible-brotherhood-2022', to: 'csto-peacekeeping-forces', role: 'trained force', quote: 'training of the organization\'s peacekeeping forces on its territory', quoteStart: 664, quoteEnd: 731}
] AS row
MATCH (a:Event {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:HAS_PARTICIPANT]->(b)
ON CREATE SET r.role = row.role, r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
CALL (r, row, sourceId) {
  WITH [k IN ['role'] WHERE row[k] IS NOT NULL AND coalesce(r[k] <> row[k], true)
    AND NOT any(i IN range(0, size(coalesce(r.disputedProperties, [])) - 1) WHERE r.disputedProperties[i] = k AND r.disputedSourceIds[i] = sourceId)] AS disputed
  WHERE disputed <> []
  SET r.disputedProperties = coalesce(r.disputedProperties, []) + disputed,
      r.disputedValues = coalesce(r.disputedValues, []) + [k IN disputed | toString(row[k])],
      r.disputedSourceIds = coalesce(r.disputedSourceIds, []) + [k IN disputed | sourceId]
}
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// OCCURRED_IN: Event -> State
UNWIND [
  {from: 'osh-batken-conflict-2010', to: 'kyrgyzstan', quote: 'Kyrgyzstan turned to the CSTO for help three times - in 1999, during the events in Batken, when armed Islamists from Afghanistan and Tajikistan invaded the country, in 2010, when a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6405, quoteEnd: 6643},
  {from: 'kremlin-helps-lukashenko-2020', to: 'belarus', quote: 'The situation in Belarus is often cited as an example: its leader Alexander Lukashenko was helped by the Kremlin to retain power in 2020', quoteStart: 7091, quoteEnd: 7227},
  {from: 'russian-invasion-of-ukraine', to: 'ukraine', quote: 'the Russian invasion of Ukraine', quoteStart: 7367, quoteEnd: 7398},
  {from: 'kazakhstan-unrest-2022-01', to: 'kazakhstan', quote: 'Kazakhstan, where mass protests broke out and turned into riots', quoteStart: 5800, quoteEnd: 5863},
  {from: 'csto-deployment-kazakhstan-2022', to: 'kazakhstan', quote: 'it sent peacekeeping forces to Kazakhstan', quoteStart: 5769, quoteEnd: 5810},
  {from: 'csto-exercises-kazakhstan-2022', to: 'kazakhstan', quote: 'CSTO exercises in Kazakhstan', quoteStart: 1482, quoteEnd: 1510},
  {from: 'armenia-refuses-exercises-2022-09', to: 'kazakhstan', quote: 'Armenia refused to participate in CSTO exercises in Kazakhstan', quoteStart: 1448, quoteEnd: 1510},
  {from: 'help-request-kazakhstan-2022', to: 'kazakhstan', quote: 'it sent peacekeeping forces to Kazakhstan, where mass protests broke out and turned into riots. Kazakhstan\'s President Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces', quoteStart: 5769, quoteEnd: 6005},
  {from: 'help-response-csto-kazakhstan-2022', to: 'kazakhstan', quote: 'it sent peacekeeping forces to Kazakhstan', quoteStart: 5769, quoteEnd: 5810}
] AS row
MATCH (a:Event {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:OCCURRED_IN]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// OCCURRED_IN: Event -> Place
UNWIND [
  {from: 'csto-treaty-signing-1992', to: 'tashkent', quote: 'signed the Collective Security Treaty in Tashkent', quoteStart: 4472, quoteEnd: 4521},
  {from: 'batken-incursion-1999', to: 'batken', quote: 'during the events in Batken', quoteStart: 6467, quoteEnd: 6494},
  {from: 'osh-batken-conflict-2010', to: 'osh', quote: 'a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6584, quoteEnd: 6643},
  {from: 'osh-batken-conflict-2010', to: 'batken', quote: 'a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6584, quoteEnd: 6643},
  {from: 'tajik-kyrgyz-border-conflict-2021', to: 'tajik-kyrgyz-border', quote: 'armed conflict on the Tajik-Kyrgyz border', quoteStart: 6696, quoteEnd: 6737},
  {from: 'armenia-azerbaijan-clashes-2022-09', to: 'armenia-azerbaijan-conflict-zone', quote: 'the conflict zone with Azerbaijan, which continued on the night of September 12-13', quoteStart: 1950, quoteEnd: 2032},
  {from: 'yerevan-protest-2022-09', to: 'yerevan', quote: 'a meeting was held in Yerevan', quoteStart: 1696, quoteEnd: 1725},
  {from: 'pelosi-visit-yerevan-2022-09', to: 'yerevan', quote: 'the visit to Yerevan', quoteStart: 2649, quoteEnd: 2669},
  {from: 'blinken-armenia-azerbaijan-meeting-2022-09', to: 'new-york', quote: 'of Armenia and Azerbaijan in New York', quoteStart: 2908, quoteEnd: 2945},
  {from: 'exercise-indestructible-brotherhood-2022', to: 'issyk-kul-region', quote: 'were supposed to take place in the Isik-Kul region from October 10 to 14', quoteStart: 804, quoteEnd: 876},
  {from: 'exercise-indestructible-brotherhood-2022', to: 'balykchy', quote: 'At the exercises in the city of Balikča', quoteStart: 1185, quoteEnd: 1224},
  {from: 'kyrgyzstan-cancels-exercise-2022-10', to: 'issyk-kul-region', quote: 'were supposed to take place in the Isik-Kul region from October 10 to 14, but were canceled without giving a reason', quoteStart: 804, quoteEnd: 919},
  {from: 'help-request-kyrgyzstan-1999', to: 'batken', quote: 'in 1999, during the events in Batken', quoteStart: 6458, quoteEnd: 6494},
  {from: 'help-response-csto-kyrgyzstan-1999', to: 'batken', quote: 'in 1999, during the events in Batken', quoteStart: 6458, quoteEnd: 6494},
  {from: 'help-request-kyrgyzstan-2010', to: 'osh', quote: 'in 2010, when a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6570, quoteEnd: 6643},
  {from: 'help-request-kyrgyzstan-2010', to: 'batken', quote: 'in 2010, when a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6570, quoteEnd: 6643},
  {from: 'help-response-csto-kyrgyzstan-2010', to: 'osh', quote: 'in 2010, when a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6570, quoteEnd: 6643},
  {from: 'help-response-csto-kyrgyzstan-2010', to: 'batken', quote: 'in 2010, when a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6570, quoteEnd: 6643},
  {from: 'help-request-kyrgyzstan-2021', to: 'tajik-kyrgyz-border', quote: 'in 2021, during another, but especially harsh, armed conflict on the Tajik-Kyrgyz border', quoteStart: 6649, quoteEnd: 6737},
  {from: 'help-response-csto-kyrgyzstan-2021', to: 'tajik-kyrgyz-border', quote: 'in 2021, during another, but especially harsh, armed conflict on the Tajik-Kyrgyz border', quoteStart: 6649, quoteEnd: 6737},
  {from: 'help-request-armenia-2022', to: 'armenia-azerbaijan-conflict-zone', quote: 'Armenia\'s request to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1902, quoteEnd: 1983},
  {from: 'help-response-csto-armenia-2022', to: 'armenia-azerbaijan-conflict-zone', quote: 'the passive reaction of the CSTO to Armenia\'s request to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1866, quoteEnd: 1983}
] AS row
MATCH (a:Event {id: row.from}), (b:Place {id: row.to})
MERGE (a)-[r:OCCURRED_IN]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// RESPONDS_TO: Event -> Event
UNWIND [
  {from: 'help-response-csto-kyrgyzstan-1999', to: 'help-request-kyrgyzstan-1999', quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775},
  {from: 'help-response-csto-kyrgyzstan-2010', to: 'help-request-kyrgyzstan-2010', quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775},
  {from: 'help-response-csto-kyrgyzstan-2021', to: 'help-request-kyrgyzstan-2021', quote: 'And he was rejected all three times.', quoteStart: 6739, quoteEnd: 6775},
  {from: 'lukashenko-supports-invasion-of-ukraine', to: 'russian-invasion-of-ukraine', quote: 'supported the Russian invasion of Ukraine', quoteStart: 7357, quoteEnd: 7398},
  {from: 'help-response-csto-kazakhstan-2022', to: 'help-request-kazakhstan-2022', quote: 'it sent peacekeeping forces to Kazakhstan, where mass protests broke out and turned into riots. Kazakhstan\'s President Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces', quoteStart: 5769, quoteEnd: 6005},
  {from: 'help-response-csto-armenia-2022', to: 'help-request-armenia-2022', quote: 'the passive reaction of the CSTO to Armenia\'s request to send military personnel to the conflict zone with Azerbaijan', quoteStart: 1866, quoteEnd: 1983},
  {from: 'kyrgyzstan-cancels-exercise-2022-10', to: 'exercise-indestructible-brotherhood-2022', quote: 'were supposed to take place in the Isik-Kul region from October 10 to 14, but were canceled without giving a reason', quoteStart: 804, quoteEnd: 919},
  {from: 'armenia-refuses-exercises-2022-09', to: 'csto-exercises-kazakhstan-2022', quote: 'Armenia refused to participate in CSTO exercises in Kazakhstan', quoteStart: 1448, quoteEnd: 1510}
] AS row
MATCH (a:Event {id: row.from}), (b:Event {id: row.to})
MERGE (a)-[r:RESPONDS_TO]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// PROMPTED_BY: Event -> Event
UNWIND [
  {from: 'csto-treaty-signing-1992', to: 'ussr-dissolution', quote: 'The formation of a military-political bloc on the territory of countries that until recently were a single state with a single army seemed a natural need to compensate for the growing disintegration processes.', quoteStart: 4597, quoteEnd: 4806},
  {from: 'help-request-kyrgyzstan-1999', to: 'batken-incursion-1999', quote: 'in 1999, during the events in Batken', quoteStart: 6458, quoteEnd: 6494},
  {from: 'help-request-kyrgyzstan-2010', to: 'osh-batken-conflict-2010', quote: 'in 2010, when a bloody inter-ethnic conflict took place in Osh and Batken', quoteStart: 6570, quoteEnd: 6643},
  {from: 'help-request-kyrgyzstan-2021', to: 'tajik-kyrgyz-border-conflict-2021', quote: 'in 2021, during another, but especially harsh, armed conflict on the Tajik-Kyrgyz border', quoteStart: 6649, quoteEnd: 6737},
  {from: 'help-request-kazakhstan-2022', to: 'kazakhstan-unrest-2022-01', quote: 'Kazakhstan, where mass protests broke out and turned into riots. Kazakhstan\'s President Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces', quoteStart: 5800, quoteEnd: 6005},
  {from: 'putin-supports-tokayev-2022-01', to: 'help-request-kazakhstan-2022', quote: 'justified the request for peacekeeping forces with an alleged influx of 20,000 foreign terrorists. There was no convincing evidence for this. But Putin supported Tokaev.', quoteStart: 5960, quoteEnd: 6129},
  {from: 'help-request-armenia-2022', to: 'armenia-azerbaijan-clashes-2022-09', quote: 'Armenia\'s request to send military personnel to the conflict zone with Azerbaijan, which continued on the night of September 12-13', quoteStart: 1902, quoteEnd: 2032},
  {from: 'yerevan-protest-2022-09', to: 'help-response-csto-armenia-2022', quote: 'The reason was the passive reaction of the CSTO to Armenia\'s request', quoteStart: 1851, quoteEnd: 1919}
] AS row
MATCH (a:Event {id: row.from}), (b:Event {id: row.to})
MERGE (a)-[r:PROMPTED_BY]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// COINCIDED_WITH: Event -> Event (the article says in words that the two happened together)
UNWIND [
  {from: 'yerevan-protest-2022-09', to: 'pelosi-visit-yerevan-2022-09', quote: 'The protests coincided with the visit to Yerevan of the Speaker of the House of Representatives of the US Congress, Nancy Pelosi', quoteStart: 2621, quoteEnd: 2749}
] AS row
MATCH (a:Event {id: row.from}), (b:Event {id: row.to})
MERGE (a)-[r:COINCIDED_WITH]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

// PART_OF_EVENT: Event -> Event
UNWIND [
  {from: 'csto-deployment-kazakhstan-2022', to: 'help-response-csto-kazakhstan-2022', quote: 'it sent peacekeeping forces to Kazakhstan', quoteStart: 5769, quoteEnd: 5810}
] AS row
MATCH (a:Event {id: row.from}), (b:Event {id: row.to})
MERGE (a)-[r:PART_OF_EVENT]->(b)
ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []
WITH r, row, 'csto-2022-10-13' AS sourceId
WITH r, row, sourceId
WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)
SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;

