using System.Xml.Linq;
using ProtocolEngine.Engine.Export;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class ExportTests
{
    private static readonly XNamespace Odm = "http://www.cdisc.org/ns/odm/v1.3";

    [Fact]
    public void The_odm_export_validates_against_the_odm_1_3_2_schema_and_carries_metadata_data_and_audit()
    {
        using var t = new TrialFixture();
        Populate.Full(t);
        var data = new ExportService(t.As("statistician")).Collect();
        var doc = OdmExporter.Export(t.Protocol, data);
        Assert.Empty(OdmSchema.Validate(doc));
        var mdv = doc.Descendants(Odm + "MetaDataVersion").Single();
        Assert.Equal(["SE.SCREENING", "SE.RANDOMIZATION", "SE.TREATMENT", "SE.V.baseline", "SE.V.week2", "SE.V.month3", "SE.V.month6", "SE.SAFETY", "SE.END"],
            mdv.Elements(Odm + "StudyEventDef").Select(e => (string)e.Attribute("OID")!));
        Assert.Equal("Yes", (string)mdv.Elements(Odm + "StudyEventDef").Single(e => (string)e.Attribute("OID")! == "SE.V.month6").Attribute("Repeating")!);
        Assert.Contains(mdv.Elements(Odm + "ItemDef"), i => (string)i.Attribute("OID")! == "I.ecog" && (string)i.Attribute("DataType")! == "integer");
        Assert.Contains(mdv.Elements(Odm + "CodeList"), c => (string)c.Attribute("OID")! == "CL.primary");
        var subjects = doc.Descendants(Odm + "SubjectData").ToList();
        Assert.Equal(["mch-001", "mch-002"], subjects.Select(s => (string)s.Attribute("SubjectKey")!));
        Assert.Equal(10, subjects[0].Descendants(Odm + "FormData").Count(f => (string)f.Attribute("FormOID")! == "F.FRACTION"));
        Assert.Contains(subjects[0].Descendants(Odm + "ItemData"), i => (string)i.Attribute("ItemOID")! == "I.IMG.SINS" && (string)i.Attribute("Value")! == "7");
        Assert.Contains(subjects[0].Descendants(Odm + "ItemData"), i => (string)i.Attribute("ItemOID")! == "I.RAND.POSITION");
        Assert.Equal(data.Audit.Count, doc.Descendants(Odm + "AuditRecord").Count());
    }

    [Fact]
    public void Without_list_permission_the_export_hides_list_positions_and_blocks()
    {
        using var t = new TrialFixture();
        Populate.Full(t);
        var data = new ExportService(t.As("monitor")).Collect();
        Assert.All(data.Randomizations, r => Assert.Equal((0, ""), (r.ListPosition, r.BlockId)));
        var doc = OdmExporter.Export(t.Protocol, data);
        Assert.Empty(OdmSchema.Validate(doc));
        Assert.DoesNotContain(doc.Descendants(Odm + "ItemData"), i => (string)i.Attribute("ItemOID")! == "I.RAND.POSITION");
    }

    [Fact]
    public void The_schema_check_itself_rejects_a_broken_document()
    {
        using var t = new TrialFixture();
        var doc = OdmExporter.Export(t.Protocol, new ExportService(t.As("admin")).Collect());
        Assert.Empty(OdmSchema.Validate(doc));
        var missingAttribute = new XDocument(doc);
        missingAttribute.Descendants(Odm + "StudyEventDef").First().Attribute("Repeating")!.Remove();
        Assert.Contains(OdmSchema.Validate(missingAttribute), e => e.Contains("Repeating"));
        var unknownElement = new XDocument(doc);
        unknownElement.Descendants(Odm + "MetaDataVersion").Single().AddFirst(new XElement(Odm + "Bogus"));
        Assert.Contains(OdmSchema.Validate(unknownElement), e => e.Contains("Bogus"));
    }
}
