// Code systems and value sets of the second-opinion round trip (issue #6; DOMAIN.md §1).
// Each value set holds exactly its code system, so a required binding admits no other codes.

CodeSystem: ReviewTypeCodes
Id: review-type
Title: "Second-Opinion Review Type"
Description: "The kind of second-opinion review a referral asks for (ServiceRequest.code)."
* insert Artifact
* ^caseSensitive = true
* #general "General oncology review" "A review of the whole case: diagnosis, stage, treatment so far and options."
* #molecular "Molecular review" "A review of the molecular findings (NGS, biomarkers) and the therapies and trials they open or close."
* #pathology "Pathology review" "A second read of the pathology: histology, grade, immunohistochemistry."
* #imaging "Imaging review" "A second read of the imaging: staging and response assessment."
* #trial-matching "Clinical trial matching" "A search for clinical trials the patient may be a potential candidate for."

ValueSet: ReviewTypes
Id: review-type
Title: "Second-Opinion Review Types"
Description: "Every code of the review-type code system."
* insert Artifact
* include codes from system ReviewTypeCodes

CodeSystem: ReferralBusinessStatusCodes
Id: referral-business-status
Title: "Referral Business Status"
Description: "Sub-states of a second-opinion referral Task (Task.businessStatus) within the FHIR Task status (DOMAIN.md §1.2)."
* insert Artifact
* ^caseSensitive = true
* #received "Received" "The referral has arrived and waits for triage (Task.status received)."
* #awaiting-information "Awaiting information" "Records or results are missing; the referrer has been asked for them (Task.status on-hold)."
* #information-received "Information received" "The requested records have arrived and wait to be reviewed (Task.status in-progress)."
* #in-review "In review" "Reviewers are working the case (Task.status in-progress)."
* #tumour-board-scheduled "Tumour board scheduled" "The case is on the agenda of a multidisciplinary tumour board (Task.status in-progress)."
* #report-ready "Report ready" "The report document is linked from Task.output (Task.status completed)."

ValueSet: ReferralBusinessStatuses
Id: referral-business-status
Title: "Referral Business Statuses"
Description: "Every code of the referral business-status code system."
* insert Artifact
* include codes from system ReferralBusinessStatusCodes

CodeSystem: ReviewOutcomeCodes
Id: review-outcome
Title: "Second-Opinion Review Outcome"
Description: "The five outcomes a second-opinion review can end in (DOMAIN.md §1). A 'no suitable trial' report is still a useful report."
* insert Artifact
* ^caseSensitive = true
* #standard-care "Standard-care recommendation" "A standard-of-care treatment is recommended."
* #trial-referral "Trial referral" "Referral to one or more clinical trials the patient is a potential candidate for; eligibility is decided by each trial's screening."
* #information-required "Information required" "Missing records or additional testing are needed before a recommendation can be made."
* #no-suitable-trial "No suitable trial" "No realistic clinical trial or cell-therapy fit at present."
* #continue-local-care "Continue local care" "Continue the current local care, or see a specialist locally."

ValueSet: ReviewOutcomes
Id: review-outcome
Title: "Second-Opinion Review Outcomes"
Description: "Every code of the review-outcome code system."
* insert Artifact
* include codes from system ReviewOutcomeCodes

CodeSystem: MissingRecordKindCodes
Id: missing-record-kind
Title: "Missing Record Kind"
Description: "The kinds of record a referral can lack, as listed by the completeness check and in the report's missing-records section."
* insert Artifact
* ^caseSensitive = true
* #diagnosis "Diagnosis" "The cancer diagnosis (primary cancer condition with histology)."
* #stage "Stage" "Staging (TNM or another staging system)."
* #performance-status "Performance status" "ECOG, Karnofsky or Lansky performance status."
* #pathology-report "Pathology report" "The pathology report of the diagnostic biopsy or resection."
* #imaging-report "Imaging report" "Imaging reports, e.g. the staging CT or PET-CT."
* #treatment-history "Treatment history" "Prior systemic therapy, surgery and radiotherapy."
* #recent-labs "Recent laboratory results" "Blood counts and organ function of the last weeks."
* #genomic-report "Genomic report" "The molecular (NGS) report, required for a molecular review."
* #other "Other record" "Another record; the text says which."

ValueSet: MissingRecordKinds
Id: missing-record-kind
Title: "Missing Record Kinds"
Description: "Every code of the missing-record-kind code system."
* insert Artifact
* include codes from system MissingRecordKindCodes

CodeSystem: ReportSectionCodes
Id: report-section
Title: "Second-Opinion Report Section"
Description: "Sections of the second-opinion report for which no LOINC section code fits. Diagnosis review, molecular findings and recommendations use LOINC (51848-0, 51969-4, 18776-5)."
* insert Artifact
* ^caseSensitive = true
* #case-summary "Case summary" "The case as referred and the clinical question asked."
* #reviewed-evidence "Reviewed evidence" "The records, reports and results the reviewers looked at."
* #warnings "Warnings" "Resistance mechanisms, co-mutations, withdrawn drugs and other cautions."
* #recommended-testing "Recommended additional testing" "Tests that a complete work-up still lacks."
* #missing-records "Missing records" "Records the referral lacked."
* #trial-options "Trial options" "Clinical trials the patient may be a potential candidate for."
* #review-outcome "Outcome" "The outcome of the review."

ValueSet: ReportSections
Id: report-section
Title: "Second-Opinion Report Sections"
Description: "The section codes of the second-opinion report: three LOINC codes and our own report-section codes."
* insert Artifact
* $loinc#51848-0 "Evaluation note"
* $loinc#51969-4 "Genetic analysis report"
* $loinc#18776-5 "Plan of care note"
* include codes from system ReportSectionCodes

CodeSystem: ReferralTaskOutputCodes
Id: referral-task-output
Title: "Referral Task Output Type"
Description: "What a second-opinion referral Task.output carries (Task.output.type)."
* insert Artifact
* ^caseSensitive = true
* #report-document "Report document" "The second-opinion report: a document Bundle."
* #trial-match "Trial match" "A potential candidacy for a clinical trial (ResearchSubject, status potential-candidate)."
* #review-outcome "Review outcome" "An outcome of the review, coded from the review-outcome value set."

ValueSet: ReferralTaskOutputs
Id: referral-task-output
Title: "Referral Task Output Types"
Description: "Every code of the referral-task-output code system."
* insert Artifact
* include codes from system ReferralTaskOutputCodes

CodeSystem: ReferralTaskInputCodes
Id: referral-task-input
Title: "Referral Task Input Type"
Description: "What the server records in a second-opinion referral Task.input (Task.input.type)."
* insert Artifact
* ^caseSensitive = true
* #case-bundle-version "Case bundle version" "The version (SHA-256) of the case bundle the report reviewed ($case-bundle)."
* #case-changed-after-report "Case changed after report" "The patient's case changed after the report was delivered (valueDateTime: when first)."

ValueSet: ReferralTaskInputs
Id: referral-task-input
Title: "Referral Task Input Types"
Description: "Every code of the referral-task-input code system."
* insert Artifact
* include codes from system ReferralTaskInputCodes
