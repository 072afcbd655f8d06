namespace FhirOncology.Oncology.Workflow;

/// <summary>Due dates in business days: Monday to Friday, counted from the day after acceptance (public holidays are not known).</summary>
internal static class DueDates
{
    public static DateOnly AddBusinessDays(DateOnly start, int businessDays)
    {
        var date = start;
        for (var added = 0; added < businessDays;)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }

        return date;
    }
}
