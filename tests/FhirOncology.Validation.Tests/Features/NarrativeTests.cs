using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>Narrative XHTML rules (narrative.html#xhtml, txt-1, txt-2).</summary>
public sealed class NarrativeTests(ValidatorFixture fixture)
{
    private const string Open = "<div xmlns=\"http://www.w3.org/1999/xhtml\">";

    [Theory]
    [InlineData("<p>ok</p><script>alert(1)</script>", "<script> is not allowed")]
    [InlineData("<p onclick=\"steal()\">x</p>", "event handler attribute 'onclick'")]
    [InlineData("<a href=\"javascript:steal()\">x</a>", "must not be a script URL")]
    [InlineData("<form><input/></form>", "<form> is not allowed")]
    [InlineData("<iframe src=\"http://evil.example\"></iframe>", "<iframe> is not allowed")]
    [InlineData("<object data=\"x.swf\"></object>", "<object> is not allowed")]
    [InlineData("<p data-x=\"1\">x</p>", "attribute 'data-x'")]
    public void Narrative_ActiveOrForbiddenContent_Txt1Error(string content, string fragment) =>
        fixture.Validate(WithDiv(Open + content + "</div>")).HasError("Observation.text.div", fragment);

    [Theory]
    [InlineData("<p>unclosed</div>")]
    [InlineData("<p>a &nbsp; b</p></div>")]
    [InlineData("<p class=x>a</p></div>")]
    [InlineData("<p class=\"a\" class=\"b\">a</p></div>")]
    [InlineData("<p>a</p></div><div>second root</div>")]
    [InlineData("<p>a < b</p></div>")]
    public void Narrative_NotWellFormed_Error(string rest) =>
        fixture.Validate(WithDiv(Open + rest)).HasError("Observation.text.div", "not well-formed");

    [Fact]
    public void Narrative_EntitiesAndCharacterReferences_Accepted() =>
        fixture.Validate(WithDiv(Open + "<p>a &amp; b &lt; c &#169; &#x00A9; <!-- note --><![CDATA[ raw ]]></p></div>")).HasNoErrors();

    [Fact]
    public void Narrative_ForeignNamespaceElement_Error() =>
        fixture.Validate(WithDiv(Open + "<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"/>x</div>")).HasError("Observation.text.div", "not in the XHTML namespace");

    [Fact]
    public void Narrative_WhitespaceOnly_Txt2Error() =>
        fixture.Validate(WithDiv(Open + "  </div>")).HasError("Observation.text.div", "txt-2");

    [Fact]
    public void Narrative_RootNotDiv_Error() =>
        fixture.Validate(WithDiv("<p xmlns=\"http://www.w3.org/1999/xhtml\">x</p>")).HasError("Observation.text.div", "root must be a <div>");

    [Fact]
    public void Narrative_DtdEntity_Rejected() =>
        fixture.Validate(WithDiv("<!DOCTYPE div [<!ENTITY x \"y\">]>" + Open + "&x;</div>")).HasError("Observation.text.div", "not well-formed");

    [Fact]
    public void Narrative_TablesImagesStyles_Accepted() =>
        fixture.Validate(WithDiv(Open + "<table class=\"grid\"><tr><td style=\"color:red\">a</td></tr></table><img src=\"#pic\" alt=\"x\"/></div>")).HasNoErrors();

    private static System.Text.Json.Nodes.JsonObject WithDiv(string div)
    {
        var observation = Corpus.Observation();
        observation["text"]!["div"] = div;
        return observation;
    }
}
