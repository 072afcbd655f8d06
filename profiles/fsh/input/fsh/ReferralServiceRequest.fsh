// The referral (DOMAIN.md §1.1): what the EHR asks of us, BSeR-style (HL7 BSeR ReferralServiceRequest).

Profile: ReferralServiceRequest
Parent: ServiceRequest
Id: referral-servicerequest
Title: "Second-Opinion Referral"
Description: "A referral of a cancer patient for an oncology second opinion: an order (intent order) for one kind of review, about the patient's primary cancer, with the referrer's own identifier and the clinical question."
* insert Artifact
* extension contains ClinicalQuestion named clinicalQuestion 1..1 MS
* identifier 1..* MS
* identifier ^short = "The referrer's identifier of the referral (resubmissions are recognised by it)"
* identifier.system 1..1 MS
* identifier.value 1..1 MS
* status MS
* intent = #order (exactly)
* intent MS
* code 1..1 MS
* code from ReviewTypes (required)
* code ^short = "The kind of review asked for"
* subject MS
* insert TargetsCancerPatient(subject)
* authoredOn 1..1 MS
* requester 1..1 MS
* requester only Reference(Practitioner or PractitionerRole or Organization)
* requester ^short = "The referring clinician or organisation"
* performer 0..1 MS
* performer only Reference(Organization or PractitionerRole or Practitioner)
* performer ^short = "The reviewing organisation asked for the second opinion"
* reasonReference 1..* MS
* insert TargetsPrimaryCancerCondition(reasonReference)
* reasonReference ^short = "The primary cancer the second opinion is about"
* supportingInfo MS
* supportingInfo ^short = "The evidence sent with the referral: staging, biomarkers, genomics, treatment, documents"
* priority MS
* note MS
* note ^short = "Other comments; the clinical question itself is in the clinicalQuestion extension"

// Justification (issue #6): the question is required, and `note` cannot carry a required, unambiguous question:
// it is a list of annotations anyone may add at any time (logistics, preferences), with no code to tell the
// question apart. reasonCode.text is for a coded reason. A dedicated extension is one string, exactly once.
Extension: ClinicalQuestion
Id: clinical-question
Title: "Clinical Question"
Description: "The question the referring clinician asks the second-opinion reviewers, in their own words, e.g. 'Which second-line therapy for the ERBB2 exon 20 insertion?'. The report's case summary restates and answers it."
* insert Artifact
* ^context[0].type = #element
* ^context[0].expression = "ServiceRequest"
* value[x] 1..1
* value[x] only string
