Alias: $loinc = http://loinc.org
Alias: $task-code = http://hl7.org/fhir/CodeSystem/task-code

// Metadata every artifact carries besides what SUSHI takes from its config (canonical, version 0.1.0, status).
RuleSet: Artifact
* ^experimental = false
* ^publisher = "FhirOncology"
* ^date = "2026-11-23"

// mCODE's profiles derive from US Core 6.1.0, which is not in our package cache, so SUSHI cannot tell that
// mcode-cancer-patient is a Patient and rejects `only Reference(<mcode-cancer-patient>)`. The element is first
// restricted to the core type, then its target profile is set directly (the JSON is the same as `only` would write).
// (Aliases are not expanded inside the quoted canonical, hence the URLs written out.)
RuleSet: TargetsCancerPatient(element)
* {element} only Reference(Patient)
* {element} ^type[0].targetProfile[0] = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-patient"

RuleSet: TargetsPrimaryCancerCondition(element)
* {element} only Reference(Condition)
* {element} ^type[0].targetProfile[0] = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition"
