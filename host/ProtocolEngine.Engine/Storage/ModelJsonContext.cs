using System.Text.Json.Serialization;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Storage;

/// <summary>
/// Serialization metadata made at build time (System.Text.Json's source generator) for the protocol model, every
/// kind of record and the audit entry, so a command does not build it by reflection on every start: every records
/// command serializes the whole protocol once to name its version (<see cref="Trial.ProtocolFingerprint"/>) and
/// reads records and audit entries. Used through <see cref="RecordJson.Options"/>, which keeps its naming policy and
/// converters, so the text is the same as reflection makes (tests compare them for the protocol and every record).
/// A record type missing here still works, described by reflection.
/// </summary>
[JsonSerializable(typeof(Protocol))]
[JsonSerializable(typeof(SortedDictionary<string, object>))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(AdverseEvent))]
[JsonSerializable(typeof(Assessment))]
[JsonSerializable(typeof(DiaryEntry))]
[JsonSerializable(typeof(FractionRecord))]
[JsonSerializable(typeof(ImagingFinding))]
[JsonSerializable(typeof(LoginFailures))]
[JsonSerializable(typeof(LoginSession))]
[JsonSerializable(typeof(Participant))]
[JsonSerializable(typeof(PlanRecord))]
[JsonSerializable(typeof(ProtocolVersion))]
[JsonSerializable(typeof(RandomizationRecord))]
[JsonSerializable(typeof(ScreeningRecord))]
[JsonSerializable(typeof(TargetVolume))]
[JsonSerializable(typeof(TreatmentStop))]
[JsonSerializable(typeof(UserAccount))]
[JsonSerializable(typeof(VisitRecord))]
[JsonSerializable(typeof(VitalStatusRecord))]
[JsonSerializable(typeof(Withdrawal))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
