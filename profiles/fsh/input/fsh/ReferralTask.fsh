// The Task on the fulfiller (FHIR Workflow; BSeR ReferralTask): the referral's state as the EHR polls it.

Profile: ReferralTask
Parent: Task
Id: referral-task
Title: "Second-Opinion Referral Task"
Description: "The work item of one second-opinion referral: fulfil (code fulfill) the referral ServiceRequest (focus) for the patient, owned by the reviewing organisation. businessStatus carries the sub-state, restriction.period.end the due date, and output the report document, trial matches and outcome codes."
* insert Artifact
* obeys referral-task-1
* status MS
* businessStatus MS
* businessStatus from ReferralBusinessStatuses (required)
* intent = #order (exactly)
* intent MS
* code 1..1 MS
* code = $task-code#fulfill
* focus 1..1 MS
* focus only Reference(ReferralServiceRequest)
* for 1..1 MS
* insert TargetsCancerPatient(for)
* authoredOn 1..1 MS
* requester 1..1 MS
* requester only Reference(Practitioner or PractitionerRole or Organization)
* owner 1..1 MS
* owner only Reference(Organization)
* owner ^short = "The reviewing organisation"
* restriction MS
* restriction.period MS
* restriction.period ^short = "When the review is due: period.end (search parameter due-date)"
* output MS
* output ^slicing.discriminator.type = #pattern
* output ^slicing.discriminator.path = "type"
* output ^slicing.rules = #open
* output ^slicing.description = "Outputs told apart by their type code"
* output contains report 0..1 MS and trialMatch 0..* MS and outcome 0..* MS
* output[report].type = ReferralTaskOutputCodes#report-document
* output[report].value[x] only Reference(SecondOpinionDocument)
* output[report] ^short = "The second-opinion report document (a document Bundle)"
* output[trialMatch].type = ReferralTaskOutputCodes#trial-match
* output[trialMatch].value[x] only Reference(ResearchSubject)
* output[trialMatch] ^short = "A potential candidacy for a clinical trial (ResearchSubject, status potential-candidate)"
* output[outcome].type = ReferralTaskOutputCodes#review-outcome
* output[outcome].value[x] only CodeableConcept
* output[outcome].value[x] from ReviewOutcomes (required)
* output[outcome] ^short = "An outcome of the review, so a polling EHR sees it without reading the report"

Invariant: referral-task-1
Description: "A completed referral Task links its report document and at least one outcome."
Severity: #error
Expression: "status = 'completed' implies (output.where(type.coding.where(system = 'https://fhironcology.org/fhir/CodeSystem/referral-task-output' and code = 'report-document').exists()).exists() and output.where(type.coding.where(system = 'https://fhironcology.org/fhir/CodeSystem/referral-task-output' and code = 'review-outcome').exists()).exists())"
