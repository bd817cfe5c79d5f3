using WellnessPlatform.Domain.Care;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// The care track: everyone starts on the wellness routine; a case worker can move a person with a
/// work-related case to the clinician-directed track and back. Sessions on its days are treatment,
/// tallied on the stretch for the case and left out of the employer's wellness figures.
/// </summary>
public sealed partial class EmployeeRecord
{
    /// <summary>
    /// Stretches on the therapeutic track kept, the treatment record of the person's cases. A stretch
    /// needs a case worker's move, and each case is a report of its own, so sixteen is years of cases.
    /// </summary>
    public const int MaxTrackPeriods = 16;

    /// <summary>The directing clinician as the case worker names them: a name and a role.</summary>
    public const int MaxDirectedByLength = 200;

    /// <summary>An incident id, as the case work's keys allow.</summary>
    public const int MaxIncidentIdLength = 64;

    /// <summary>Stretches on the clinician-directed track, oldest first; the last is open while the person is on it.</summary>
    public List<TrackPeriod> Tracks { get; set; } = [];

    /// <summary>The stretch the person is on now, if any.</summary>
    public TrackPeriod? OpenTrack => Tracks.Count > 0 && Tracks[^1].Until is null ? Tracks[^1] : null;

    public CareTrack CurrentTrack => OpenTrack is null ? CareTrack.Wellness : CareTrack.Therapeutic;

    /// <summary>
    /// A case worker moves the person to the clinician-directed track from today, for a work-related case
    /// the caller has checked is theirs and open. A stretch that ended today keeps today; the new one then
    /// starts tomorrow, so no day belongs to two cases.
    /// </summary>
    public Decision MoveToTherapeutic(string? incidentId, string? directedBy, string movedBy, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(directedBy))
        {
            errors.Add(new FieldError("directedBy", "required", "Name the clinician who directed the treatment (name and role)."));
        }
        else if (directedBy.Trim().Length > MaxDirectedByLength)
        {
            errors.Add(new FieldError("directedBy", "too_long", $"At most {MaxDirectedByLength} characters."));
        }

        if (string.IsNullOrWhiteSpace(incidentId) || incidentId.Length > MaxIncidentIdLength)
        {
            errors.Add(new FieldError("incidentId", "required", "Name the work-related case the treatment is for."));
        }

        errors.AddIfAny(ActorError(movedBy, "movedBy"));
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var directed = directedBy!.Trim();
        if (OpenTrack is { } open)
        {
            return open.IncidentId == incidentId && open.DirectedBy == directed
                ? Decision.Unchanged
                : Refusal.Conflict("already_therapeutic", "This person is already on the clinician-directed track; move them back to the wellness track first.");
        }

        if (Tracks.Count >= MaxTrackPeriods)
        {
            return Refusal.Conflict("too_many_track_moves", $"At most {MaxTrackPeriods} stretches on the clinician-directed track are kept for a person.");
        }

        var today = TodayAt(now);
        var from = Tracks.Count > 0 && Tracks[^1].Until is { } ended && ended >= today ? ended.AddDays(1) : today;
        Tracks.Add(new TrackPeriod(from, null, incidentId!, directed, movedBy, now));
        return Decision.Change;
    }

    /// <summary>
    /// Back to the wellness track from tomorrow: today stays treatment, so nothing already logged today
    /// moves into the employer's figures. With <paramref name="forIncident"/> (the case closed) only a
    /// stretch for that case ends, and having none to end is no refusal.
    /// </summary>
    public Decision ReturnToWellness(string endedBy, DateTimeOffset now, string? forIncident = null)
    {
        if (ActorError(endedBy, "endedBy") is { } error)
        {
            return Refusal.Invalid(error);
        }

        if (OpenTrack is not { } open || (forIncident is not null && open.IncidentId != forIncident))
        {
            return forIncident is null ? Refusal.Conflict("not_therapeutic", "This person is on the wellness track already.") : Decision.Unchanged;
        }

        var today = TodayAt(now);
        if (open.From > today)
        {
            // Not begun yet (moved back and forth on one day): it never held a day.
            Tracks.RemoveAt(Tracks.Count - 1);
        }
        else
        {
            Tracks[^1] = open with { Until = today, EndedBy = endedBy, EndedAt = now };
        }

        return Decision.Change;
    }

    /// <summary>A session on a day of the therapeutic track is tallied as treatment on that stretch.</summary>
    private void TallyTreatment(DateOnly day)
    {
        var index = Tracks.FindLastIndex(t => t.Covers(day));
        if (index >= 0)
        {
            var period = Tracks[index];
            Tracks[index] = period with
            {
                TreatmentSessions = period.TreatmentSessions + 1,
                LastTreatmentOn = period.LastTreatmentOn is { } last && last > day ? last : day,
            };
        }
    }

    private static FieldError? ActorError(string? actor, string field) =>
        string.IsNullOrWhiteSpace(actor) || actor.Length > MaxActorLength
            ? new FieldError(field, "invalid", $"The case worker is named by 1–{MaxActorLength} characters.")
            : null;
}
