// Constraints and indexes. Schema commands only: the loader runs a file in one transaction, and Neo4j does not
// allow schema commands and data writes in the same transaction. Every command is IF NOT EXISTS, so a second run
// changes nothing.

// One uniqueness constraint on id per label. Entity is the extra label of State, Person, Organization and Place.
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT state_id IF NOT EXISTS FOR (n:State) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;

// Full-text search over names, aliases, texts and the derived search keys. The standard-folding analyzer folds
// diacritics (ASCII folding), so balikca finds Balikča. Full-text indexes accept LIST<STRING> properties
// (aliases, searchKeys): each element is indexed. Events have no aliases, Statements and Claims no searchKeys,
// which is fine: a node is indexed on the properties it has.
CREATE FULLTEXT INDEX search IF NOT EXISTS
FOR (n:State|Person|Organization|Place|Event|Statement|Claim)
ON EACH [n.name, n.aliases, n.text, n.searchKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};

// No index on Entity.searchKeys: a RANGE index on a list property only serves equality with the whole list, and
// Neo4j 5.26 answers a membership test (x IN n.searchKeys) with a label scan even when one exists. The full-text
// index above covers searchKeys element by element.

// Time and type lookups.
CREATE RANGE INDEX event_start_date IF NOT EXISTS FOR (e:Event) ON (e.startDate);
CREATE RANGE INDEX event_end_date IF NOT EXISTS FOR (e:Event) ON (e.endDate);
CREATE RANGE INDEX event_type IF NOT EXISTS FOR (e:Event) ON (e.type);
CREATE RANGE INDEX statement_date IF NOT EXISTS FOR (s:Statement) ON (s.date);
