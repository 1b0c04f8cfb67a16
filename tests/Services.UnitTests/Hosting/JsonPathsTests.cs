using OneThing.Host.Hosting;

namespace OneThing.UnitTests.Hosting;

public sealed class JsonPathsTests
{
    [Theory]
    [InlineData("$", "#")]
    [InlineData("$.ids", "#/ids")]
    [InlineData("$.ids[1]", "#/ids/1")]
    [InlineData("$.applicant.birthDate", "#/applicant/birthDate")]
    [InlineData("$.materials[0].files[12].name", "#/materials/0/files/12/name")]
    [InlineData("$['a/b']", "#/a~1b")]
    [InlineData("$['x~y'].z", "#/x~0y/z")]
    public void JSONPath_from_System_Text_Json_becomes_a_JSON_pointer(string path, string pointer) =>
        Assert.Equal(pointer, JsonPaths.ToPointer(path));
}
