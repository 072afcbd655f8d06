using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Slicing;

/// <summary>
/// Validates the occurrences of a sliced element (profiling.html#slicing): assigns each to the first slice whose
/// discriminators it satisfies, then checks closed / open / openAtEnd rules, ordering, each slice's cardinality
/// and re-slices, and validates each occurrence against its slice (or the sliced element when it matches none).
/// </summary>
internal sealed class SliceValidator(InstanceValidator validator, ProfileRegistry profiles)
{
    private readonly SliceMatcher _matcher = new(validator, profiles);

    public void Validate(ValidationSession session, ElementNode sliced, List<ValueItem> items, ResourceScope scope)
    {
        var slicing = sliced.Slicing!;
        var assigned = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            assigned[i] = _matcher.Match(session, sliced, items[i], scope);
        }

        var highest = -1;
        var sawUnmatched = false;
        for (var i = 0; i < items.Count; i++)
        {
            var slice = assigned[i];
            if (slice < 0)
            {
                if (slicing.IsClosed)
                {
                    session.Error(items[i].Path, OperationOutcome.IssueType.Structure,
                        $"This {sliced.Name} matches none of the slices of {sliced.Id}, and the slicing is closed (profiling.html#slicing).", sliced);
                }

                sawUnmatched = true;
                continue;
            }

            if (slicing.IsOpenAtEnd && sawUnmatched)
            {
                session.Error(items[i].Path, OperationOutcome.IssueType.Structure,
                    $"Slice {sliced.Slices[slice].SliceName} comes after an item that matches no slice, but {sliced.Id} is open only at the end.", sliced);
            }

            if (slicing.Ordered && slice < highest)
            {
                session.Error(items[i].Path, OperationOutcome.IssueType.Structure,
                    $"Slice {sliced.Slices[slice].SliceName} is out of order: the slicing of {sliced.Id} is ordered.", sliced);
            }

            highest = Math.Max(highest, slice);
        }

        var parentPath = items[0].Path.Parent ?? items[0].Path;
        for (var s = 0; s < sliced.Slices.Count; s++)
        {
            var slice = sliced.Slices[s];
            var members = new List<ValueItem>();
            for (var i = 0; i < items.Count; i++)
            {
                if (assigned[i] == s)
                {
                    members.Add(items[i]);
                }
            }

            InstanceValidator.CheckCardinality(session, slice, members.Count, parentPath, members);
            if (members.Count == 0)
            {
                continue;
            }

            if (slice.Slicing is not null && slice.Slices.Count > 0)
            {
                Validate(session, slice, members, scope); // re-slicing (profiling.html#reslicing)
                continue;
            }

            foreach (var member in members)
            {
                validator.ValidateItem(session, slice, member, scope);
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (assigned[i] < 0)
            {
                validator.ValidateItem(session, sliced, items[i], scope);
            }
        }
    }
}
