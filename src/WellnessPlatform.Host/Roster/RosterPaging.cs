using WellnessPlatform.Contracts.Roster;

namespace WellnessPlatform.Host.Roster;

/// <summary>Limits of the roster's list and upload routes.</summary>
public static class RosterPaging
{
    public const int MaxPageSize = InvitationPage.MaxPageSize;

    /// <summary>Upload ids are 32 lowercase hex digits (a GUID), so no caller-made id reaches a grain key.</summary>
    public static bool IsImportId(string id) => id.Length == 32 && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
