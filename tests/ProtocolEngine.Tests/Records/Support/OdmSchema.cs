using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>Validates a document against the CDISC ODM 1.3.2 schema copied into Reference/odm-1.3.2.</summary>
public static class OdmSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var path = Path.Combine(AppContext.BaseDirectory, "Reference", "odm-1.3.2", "ODM1-3-2.xsd");
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() });
        set.Add(null, reader);
        set.Compile();
        return set;
    });

    public static IReadOnlyList<string> Validate(XDocument doc)
    {
        var errors = new List<string>();
        doc.Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"), addSchemaInfo: false);
        return errors;
    }
}
