// The report (DOMAIN.md §1.3): a consult note in a FHIR document.
// Type LOINC 11488-4 Consult note: the note a consultant writes back to the requester in answer to a referral; it is
// the document type of the C-CDA Consultation Note, and broader types (e.g. 51855-5 Patient note) would lose that.

// Each slice repeats the constraints of section (title, code and narrative required): validators check an item
// that matches a slice against the slice alone, and the snapshot generators build a slice from the base element
// (see SUSHI issue #932), so constraints on the slicing entry alone would not reach the ten sections. SUSHI also
// leaves out of a slice's differential what the slice inherited when it was created, so the slices come first.
RuleSet: Section(name, code, short)
* section[{name}] ^short = "{short}"
* section[{name}].title 1..1 MS
* section[{name}].code 1..1 MS
* section[{name}].code = {code}
* section[{name}].text 1..1 MS

Profile: SecondOpinionReport
Parent: Composition
Id: second-opinion-report
Title: "Second-Opinion Report"
Description: "The structured second opinion on a referred cancer case: a consult note with ten required sections, each with a human-readable narrative. It is the first entry of a second-opinion document Bundle."
* insert Artifact
* status MS
* type = $loinc#11488-4
* subject 1..1 MS
* insert TargetsCancerPatient(subject)
* date MS
* author MS
* author only Reference(Practitioner or PractitionerRole or Organization)
* title MS
* attester MS
* custodian 1..1 MS
* custodian only Reference(Organization)
* custodian ^short = "The reviewing organisation that keeps the report"
* section MS
* section ^slicing.discriminator.type = #pattern
* section ^slicing.discriminator.path = "code"
* section ^slicing.rules = #open
* section ^slicing.description = "The required sections, told apart by their code"
* section contains
    caseSummary 1..1 MS and
    reviewedEvidence 1..1 MS and
    diagnosisReview 1..1 MS and
    molecularFindings 1..1 MS and
    recommendations 1..1 MS and
    warnings 1..1 MS and
    recommendedTesting 1..1 MS and
    missingRecords 1..1 MS and
    trialOptions 1..1 MS and
    outcome 1..1 MS
* insert Section(caseSummary, ReportSectionCodes#case-summary, [[Case summary: the case as referred and the clinical question]])
* insert Section(reviewedEvidence, ReportSectionCodes#reviewed-evidence, [[Reviewed evidence: the records and results the reviewers looked at]])
* insert Section(diagnosisReview, $loinc#51848-0, [[Diagnosis review: histology, stage and their consistency]])
* insert Section(molecularFindings, $loinc#51969-4, [[Molecular findings: variants, biomarkers and their actionability]])
* insert Section(recommendations, $loinc#18776-5, [[Recommendations: the recommended treatment plan]])
* insert Section(warnings, ReportSectionCodes#warnings, [[Warnings: resistance, co-mutations, withdrawn drugs, germline questions]])
* insert Section(recommendedTesting, ReportSectionCodes#recommended-testing, [[Recommended additional testing: what a complete work-up still lacks]])
* insert Section(missingRecords, ReportSectionCodes#missing-records, [[Missing records: records the referral lacked]])
* insert Section(trialOptions, ReportSectionCodes#trial-options, [[Trial options: trials the patient may be a potential candidate for]])
* insert Section(outcome, ReportSectionCodes#review-outcome, [[Outcome: the outcome of the review, as in Task.output]])
* section[trialOptions].entry only Reference(ResearchStudy or ResearchSubject)
// Any further section: after the slices, so that SUSHI writes these into the differential of the base element only
// and the slices keep their own (repeated) constraints in theirs.
* section.title 1..1 MS
* section.code 1..1 MS
* section.code from ReportSections (extensible)
* section.text 1..1 MS
* section.text ^short = "The section's human-readable narrative (required in every section)"
