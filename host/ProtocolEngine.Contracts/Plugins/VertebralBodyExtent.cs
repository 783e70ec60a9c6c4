namespace ProtocolEngine.Contracts.Plugins;

/// <summary>
/// Where within the vertebral body (ISRC sector 1) the gross tumour volume lies: in one part of it
/// (focal), lateralized to the patient's left or right, or through the whole body (diffuse).
/// </summary>
public enum VertebralBodyExtent { Focal, Left, Right, Diffuse }
