using ContentionSim.Reporting.Csv;

namespace ContentionSim.Reporting.Tests;

public class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("  spaced ; semi ", "  spaced ; semi ")]
    public void Escape_quotes_only_fields_that_need_it(string value, string expected) =>
        Assert.Equal(expected, CsvWriter.Escape(value));

    [Fact]
    public void Written_rows_parse_back_to_the_original_values()
    {
        string[] tricky = ["a,b", "\"quoted\"", "line1\nline2", "", "ünïcödé", "trailing,"];
        var sw = new StringWriter();
        var csv = new CsvWriter(sw);
        csv.Header(["text", "n"]);
        foreach (var t in tricky) { csv.Field(t).Field(7); csv.EndRow(); }

        var rows = TestCsv.Parse(sw.ToString());
        Assert.Equal(["text", "n"], rows[0]);
        Assert.Equal(tricky, rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), r => Assert.Equal("7", r[1]));
        Assert.Equal(tricky.Length, csv.Rows);
        Assert.DoesNotContain("\r\n", sw.ToString());
    }

    [Theory]
    [InlineData(0.1234567, "0.123457")]
    [InlineData(0.5, "0.5")]
    [InlineData(3.0, "3")]
    [InlineData(1234567.25, "1234567.25")]
    [InlineData(1e-7, "0")]
    [InlineData(-1e-9, "0")]
    [InlineData(-0.0, "0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.NaN, "")]
    [InlineData(double.PositiveInfinity, "")]
    public void Numbers_are_fixed_with_at_most_six_decimals(double value, string expected) =>
        Assert.Equal(expected, CsvWriter.FormatNumber(value));

    [Fact]
    public void Numbers_use_a_dot_under_a_decimal_comma_culture()
    {
        using var _ = new CultureScope("de-DE");
        var sw = new StringWriter();
        var csv = new CsvWriter(sw);
        csv.Header(["x", "big", "n"]);
        csv.Field(1.5).Field(1234567.125).Field(1234567).EndRow();
        Assert.Equal("x,big,n\n1.5,1234567.125,1234567\n", sw.ToString());
    }

    [Fact]
    public void Nullable_and_boolean_fields()
    {
        var sw = new StringWriter();
        var csv = new CsvWriter(sw);
        csv.Header(["end", "flag", "seed"]);
        csv.Field((int?)null).Field(true).Field(ulong.MaxValue).EndRow();
        csv.Field((int?)42).Field(false).Field(0UL).EndRow();
        Assert.Equal("end,flag,seed\n,true,18446744073709551615\n42,false,0\n", sw.ToString());
    }

    [Fact]
    public void A_row_must_match_the_header_width()
    {
        var csv = new CsvWriter(new StringWriter());
        csv.Header(["a", "b"]);
        csv.Field(1);
        Assert.Throws<InvalidOperationException>(csv.EndRow);

        var csv2 = new CsvWriter(new StringWriter());
        csv2.Header(["a"]);
        csv2.Field(1);
        Assert.Throws<InvalidOperationException>(() => csv2.Field(2));
    }

    [Fact]
    public void Rows_need_a_header_first()
    {
        var csv = new CsvWriter(new StringWriter());
        Assert.Throws<InvalidOperationException>(csv.EndRow);
    }
}
