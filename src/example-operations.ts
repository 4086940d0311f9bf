/** The operations GraphiQL opens as tabs; the end-to-end test runs every one of them over HTTP. */

export interface ExampleOperation {
  /** The analyst's question; it is also the tab's first line. */
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

const operation = (title: string, body: string, variables?: Record<string, unknown>): ExampleOperation => ({
  title,
  query: `# ${title}\n${body.trim()}\n`,
  ...(variables ? { variables } : {}),
});

export const exampleOperations: ExampleOperation[] = [
  operation(
    'Who asked the CSTO for help and was refused, and whose request was granted?',
    `
query HelpRequests {
  refused: helpRequests(addressee: "csto", outcome: REFUSED) {
    requester { name }
    startDate
    datePrecision
    responseManner
    evidence { quote start end }
    response { name evidence { quote start end } }
  }
  granted: helpRequests(addressee: "csto", outcome: GRANTED) {
    requester { name }
    requestedBy { name }
    startDate
    response { name eventType }
  }
}`,
  ),
  operation(
    'Who were the members of the CSTO on a given date?',
    `
query MembersAt($at: Date!) {
  members(organization: "csto", at: $at) {
    member { name }
    startDate
    endDate
    evidence { quote }
  }
}`,
    { at: '2010-01-01' },
  ),
  operation(
    'How did the membership change over time?',
    `
query MembershipHistory {
  organization: thing(id: "csto") {
    name
    aliases
    ... on Organization {
      members { member { name } startDate startPrecision endDate endPrecision current }
      timeline(types: [TREATY_SIGNING, ACCESSION, WITHDRAWAL]) { name startDate eventType }
    }
  }
}`,
  ),
  operation(
    'Find anything by name, alias or text (diacritics and case do not matter)',
    `
query Search {
  lookup(name: "ODKB") { id name aliases }
  search(query: "Balikca", first: 5) { score thing { id name kind } }
}`,
  ),
  operation(
    'What happened in Kyrgyzstan, and in which order?',
    `
query Timeline {
  timeline(id: "kyrgyzstan") {
    startDate
    datePrecision
    eventType
    name
    status
    participants { role entity { name } }
  }
}`,
  ),
  operation(
    'What did Alen Simonyan say, and what offices does he hold?',
    `
query Speaker {
  statements(filter: { speaker: "alen-simonyan" }) {
    totalCount
    edges { node { statementKind text medium date via { name } } }
  }
  offices(holder: "alen-simonyan") { title within { name } evidence { quote } }
}`,
  ),
  operation(
    'Which claims does the article say lack evidence?',
    `
query Claims {
  claims(status: UNSUPPORTED) {
    text
    statusNote
    claimants { name }
    justifies { name startDate }
    evidence { quote start end }
  }
}`,
  ),
  operation(
    'How are Alen Simonyan and Kassym-Jomart Tokayev connected?',
    `
query Paths {
  paths(from: "alen-simonyan", to: "kassym-jomart-tokayev", maxHops: 4, first: 3) {
    length
    nodes { id name }
    edges { id source target type evidence { quote } }
  }
}`,
  ),
  operation(
    'The neighbourhood of the CSTO, as nodes and edges for a graph view',
    `
query Neighbourhood {
  neighbourhood(id: "csto", depth: 1, limit: 50) {
    truncated
    nodes { id kind name }
    edges { id source target type }
  }
}`,
  ),
  operation(
    'Which facts does the article state, which do two sources corroborate, and which rest on it alone?',
    `
query Facts {
  ofArticle: facts(source: "csto-2022-10-13", first: 5) {
    totalCount
    edges { node { id kind sourceCount evidence { quote source { slug } } } }
  }
  corroborated: facts(minSources: 2) { totalCount }
  singleSource: facts(maxSources: 1) { totalCount }
  disputed: members(organization: "csto") { member { name } startDate disputes { property value source { slug } } }
}`,
  ),
];
