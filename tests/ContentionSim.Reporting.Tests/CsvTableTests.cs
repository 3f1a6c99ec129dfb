using ContentionSim.Reporting.Csv;

namespace ContentionSim.Reporting.Tests;

public sealed class CsvTableTests
{
    [Fact]
    public void Quoted_fields_with_commas_quotes_and_line_breaks_read_back()
    {
        var sw = new StringWriter();
        var w = new CsvWriter(sw);
        w.Header(["a", "b", "c"]);
        w.Field("x, y").Field("say \"hi\"").Field("two\nlines").EndRow();
        w.Field(1.5).Field("").Field(-3).EndRow();

        var t = CsvTable.Parse(sw.ToString());

        Assert.Equal(["a", "b", "c"], t.Header);
        Assert.Equal(2, t.Rows.Count);
        Assert.Equal("x, y", t.Get(t.Rows[0], "a"));
        Assert.Equal("say \"hi\"", t.Get(t.Rows[0], "b"));
        Assert.Equal("two\nlines", t.Get(t.Rows[0], "c"));
        Assert.Equal(1.5, t.NumberOf(t.Rows[1], "a"));
        Assert.Null(t.IntOrNull(t.Rows[1], "b"));
        Assert.Equal(-3, t.IntOf(t.Rows[1], "c"));
        Assert.Equal("", t.Get(t.Rows[1], "no such column"));
    }

    [Fact]
    public void CRLF_a_BOM_a_missing_final_newline_and_short_rows_are_accepted()
    {
        var t = CsvTable.Parse("\uFEFFa,b\r\n1,2\r\n3");

        Assert.Equal(["a", "b"], t.Header);
        Assert.Equal(["1", "2"], t.Rows[0]);
        Assert.Equal(["3", ""], t.Rows[1]);
    }

    [Theory]
    [InlineData("a\n\"open")]
    [InlineData("a\n\"x\"y")]
    [InlineData("a\n1,2")]
    [InlineData("")]
    public void Damaged_csv_is_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => CsvTable.Parse(text));
}
