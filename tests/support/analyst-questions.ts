/**
 * Ordinary analyst questions that the cost budget must accept with the default settings: the calibration set of
 * the planner's cost model. Each names its question; the test pins the estimated rows of each.
 */
export interface AnalystQuestion {
  question: string;
  query: string;
}

export const analystQuestions: AnalystQuestion[] = [
  { question: 'events of a type with actors, targets and evidence', query: `{ events(filter: { types: [HELP_REQUEST] }) { totalCount edges { node { name actors { name } targets { name } evidence { quote start end } } } } }` },
  { question: 'a list with nested evidence', query: `{ states(first: 20) { edges { node { name evidence { quote source { name } } } } } }` },
  { question: "an entity's timeline with places and participants", query: `{ timeline(id: "kyrgyzstan") { name startDate places { name } participants { role detail entity { name } evidence { quote } } } }` },
  { question: 'people with offices and statements', query: `{ people(first: 20) { edges { node { name ... on Person { offices { title within { name } evidence { quote } } } statements { text date via { name } } } } } }` },
  { question: 'memberships over time with evidence', query: `{ members(organization: "csto") { member { name } startDate endDate current evidence { quote start end } } }` },
  { question: 'memberships of every state', query: `{ states(first: 50) { edges { node { name memberships { organization { name } startDate endDate evidence { quote } } } } } }` },
  { question: 'refused help requests with every part', query: `{ helpRequests(outcome: REFUSED) { requester { name } addressee { name } requestedBy { name } startDate responseManner response { name eventType } evidence { quote } requesterEvidence { quote } } }` },
  { question: 'support events with actors and their offices', query: `{ events(filter: { types: [SUPPORT] }) { edges { node { name actors { name ... on Person { offices { title } } timeline(first: 10) { name } } targets { name } } } } }` },
  { question: 'statements about the CSTO with speakers', query: `{ statements(filter: { about: "csto" }, first: 50) { totalCount edges { node { text date speakers { name } about { name kind } evidence { quote } } } } }` },
  { question: 'claims with claimants and the events they justify', query: `{ claims { text status claimants { name } justifies { name startDate participants { entity { name } } } evidence { quote } } }` },
  { question: 'events linked to one another', query: `{ events(first: 50) { edges { node { name relatedEvents { relation event { name startDate } evidence { quote } } } } } }` },
  { question: 'an organisation, its members and their timelines', query: `{ thing(id: "csto") { name ... on Organization { members { member { name timeline(first: 10) { name startDate } } } } } }` },
  { question: 'events in a place, with places and participants', query: `{ events(filter: { place: "kyrgyzstan" }) { edges { node { name status places { name } participants { role entity { name } } } } } }` },
  { question: 'a search with the things found', query: `{ search(query: "exercise", first: 20) { score thing { name kind evidence { quote } ... on Event { startDate participants { entity { name } } } } } }` },
  { question: 'lookup by alias with aliases and evidence', query: `{ lookup(name: "ODKB") { name aliases kind evidence { quote start end source { name published } } } }` },
  { question: 'the neighbourhood of the CSTO with full nodes and evidence', query: `{ neighbourhood(id: "csto", depth: 2, limit: 100) { truncated nodes { id name kind properties } edges { id source target type evidence { quote } } } }` },
  { question: 'paths between two people with evidence', query: `{ paths(from: "alen-simonyan", to: "kassym-jomart-tokayev", maxHops: 4, first: 10) { length nodes { id name } edges { type evidence { quote start end } } } }` },
  { question: 'office holders of every state', query: `{ states(first: 20) { edges { node { name ... on State { officeHolders { title holder { name statements { text } } } } } } } }` },
  {
    question: 'help requests and members side by side',
    query: `{ refused: helpRequests(outcome: REFUSED) { requester { name } startDate evidence { quote } }
      members(organization: "csto", at: "2022-10-13") { member { name } evidence { quote } }
      events(filter: { from: "2022-09-01" }) { totalCount edges { node { name actors { name } targets { name } } } } }`,
  },
  {
    question: 'a timeline, statements and claims of one person side by side',
    query: `{ timeline(id: "kassym-jomart-tokayev") { name startDate participants { entity { name } } }
      statements(filter: { speaker: "kassym-jomart-tokayev" }) { edges { node { text evidence { quote } } } }
      claims(claimant: "kassym-jomart-tokayev") { text justifies { name } } }`,
  },
  { question: 'the source text and an excerpt for a quote', query: `{ helpRequests(requester: "armenia") { evidence { start end source { name excerpt(start: 1500, end: 1600) } } } }` },
  { question: 'places with what happened there', query: `{ places(first: 20) { edges { node { name ... on Place { placeKind } timeline(first: 20) { name eventType actors { name } } } } } }` },
];
