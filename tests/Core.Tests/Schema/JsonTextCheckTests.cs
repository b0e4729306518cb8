using System.Text;

namespace ArchiveForecast.Core.Tests.Schema;

[TestFixture]
public sealed class JsonTextCheckTests
{
    [TestCase("""{"a":"plain","b":[1,"two",{"c":null}]}""")]
    [TestCase("""{"emoji":"\ud83d\ude00","escaped":"\"\\\n\u00e9"}""")]
    [TestCase("""{"é":"ünïcödé"}""")]
    [TestCase("""{"not json""")]
    public void Find_ValidText_ReturnsNull(string json) =>
        Assert.That(JsonTextCheck.Find(Encoding.UTF8.GetBytes(json)), Is.Null);

    [TestCase(new byte[] { 0xFF }, "/a/2/c")]
    [TestCase(new byte[] { 0xC0, 0xAF }, "/a/2/c")]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 }, "/a/2/c")]
    [TestCase(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "/a/2/c")]
    public void Find_InvalidUtf8InAString_GivesItsPointer(byte[] bad, string expected)
    {
        byte[] json = [.. "{\"x\":{\"y\":1},\"a\":[0,[1,2],{\"b\":\"ok\",\"c\":\""u8, .. bad, .. "\"}]}"u8];

        var invalid = JsonTextCheck.Find(json);

        Assert.That(invalid?.Pointer, Is.EqualTo(expected));
    }

    [TestCase("""{"m":"\ud800"}""", "/m")]
    [TestCase("""{"m":"\udc00"}""", "/m")]
    [TestCase("""{"m":"x\ud800y"}""", "/m")]
    [TestCase("""{"list":["ok","\ud800\ud800"]}""", "/list/1")]
    [TestCase("""{"a~/b":"\ud800"}""", "/a~0~1b")]
    [TestCase("""{"o":{"\ud800":1}}""", "/o")]
    [TestCase("""["\udfff"]""", "/0")]
    public void Find_UnpairedSurrogateEscape_GivesItsPointer(string json, string expected) =>
        Assert.That(JsonTextCheck.Find(Encoding.UTF8.GetBytes(json))?.Pointer, Is.EqualTo(expected));

    [Test]
    public void Find_InvalidBytesOutsideStrings_SaysNotUtf8WithTheOffset()
    {
        byte[] json = [.. "{\"a\":1"u8, 0xFF, .. "}"u8];

        var invalid = JsonTextCheck.Find(json);

        Assert.Multiple(() =>
        {
            Assert.That(invalid, Is.Not.Null);
            Assert.That(invalid!.Pointer, Is.Null);
            Assert.That(invalid.Detail, Does.Contain("offset 6"));
        });
    }

    [Test]
    public void FirstInvalidByte_FindsTheOffset() =>
        Assert.That(JsonTextCheck.FirstInvalidByte([0x41, 0xC3, 0xA9, 0xC0, 0xAF]), Is.EqualTo(3));
}
