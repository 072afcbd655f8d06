using FhirOncology.Core.Errors;
using FhirOncology.Core.Subscriptions;

namespace FhirOncology.UnitTests.Core.Subscriptions;

public sealed class ChannelHeadersTests
{
    [Fact]
    public void Parse_HeaderLines_GivesNamesAndTrimmedValues() =>
        Assert.Equal(
            [new("Authorization", "Bearer abc:def"), new("X-Tenant", "t1")],
            ChannelHeaders.Parse(["Authorization: Bearer abc:def", "X-Tenant:t1  "]));

    [Theory]
    [InlineData("NoColon")]
    [InlineData(": value")]
    [InlineData("Bad Name: value")]
    [InlineData("X-Injected: a\r\nHost: evil")]
    [InlineData("Host: evil.test")]
    [InlineData("content-length: 5")]
    public void Parse_MalformedOrReserved_Is400(string line) =>
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, Assert.Throws<FhirException>(() => ChannelHeaders.Parse([line])).Status);
}
