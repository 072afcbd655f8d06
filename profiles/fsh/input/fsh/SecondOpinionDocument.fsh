// The report as delivered (DOMAIN.md §1.3; documents.html): a document Bundle whose first entry is the report.
// bdl-9 (identifier with system and value), bdl-10 (timestamp) and bdl-11 (Composition first) are core invariants
// of Bundle; this profile makes identifier and timestamp required outright and the first entry our report.

Profile: SecondOpinionDocument
Parent: Bundle
Id: second-opinion-document
Title: "Second-Opinion Report Document"
Description: "The second-opinion report as a FHIR document: type document, an identifier and a timestamp, the Second-Opinion Report Composition as the first entry, and every resource it references inside the Bundle."
* insert Artifact
* obeys second-opinion-document-1
* identifier 1..1 MS
* type = #document (exactly)
* type MS
* timestamp 1..1 MS
* entry 1..* MS
* entry ^slicing.discriminator.type = #type
* entry ^slicing.discriminator.path = "resource"
* entry ^slicing.ordered = true
* entry ^slicing.rules = #openAtEnd
* entry ^slicing.description = "The report Composition first (bdl-11), then the resources it references"
// The slice repeats the entry constraints: a slice is built from the base element, not from the slicing entry.
* entry contains composition 1..1 MS
* entry[composition].fullUrl 1..1 MS
* entry[composition].resource 1..1 MS
* entry[composition].resource only SecondOpinionReport
* entry[composition].search 0..0
* entry[composition].request 0..0
* entry[composition].response 0..0
// Every other entry (after the slice, so the slice's differential keeps its own copy; see SecondOpinionReport.fsh).
* entry.fullUrl 1..1 MS
* entry.resource 1..1 MS
* entry.search 0..0
* entry.request 0..0
* entry.response 0..0

// documents.html#content: a document is self-contained. Every literal reference (not to a contained '#…' resource)
// must resolve to an entry; resolve() follows bundle.html#references (fullUrl, or Type/id against the fullUrl's base).
Invariant: second-opinion-document-1
Description: "Every literal reference inside the document resolves to one of its entries."
Severity: #error
Expression: "entry.resource.descendants().ofType(Reference).where(reference.exists() and reference.startsWith('#').not()).all(resolve().exists())"
