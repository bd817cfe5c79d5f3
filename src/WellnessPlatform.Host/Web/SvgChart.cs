using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace WellnessPlatform.Host.Web;

/// <summary>
/// Small line charts rendered on the server as SVG: no script, no CDN, and readable by screen readers
/// through the title and description (each page also shows the numbers in a table).
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int Height = 220;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 14;
    private const int Bottom = 34;

    public static HtmlString Lines(string id, string title, string description, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, double min, double max, string unit = "")
    {
        var svg = new StringBuilder();
        var span = max - min <= 0 ? 1 : max - min;
        double X(int i) => Left + (labels.Count <= 1 ? 0 : i * (Width - Left - Right) / (double)(labels.Count - 1));
        double Y(double v) => Top + ((max - Math.Clamp(v, min, max)) / span * (Height - Top - Bottom));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" preserveAspectRatio=\"xMidYMid meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Enc(title)}</title><desc id=\"{id}-d\">{Enc(description)}</desc>");
        for (var g = 0; g <= 4; g++)
        {
            var v = min + (span * g / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\">{F(v)}{Enc(unit)}</text>");
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if (labels.Count <= 8 || i % ((labels.Count / 8) + 1) == 0 || i == labels.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{F(X(i))}\" y=\"{Height - 12}\" text-anchor=\"middle\">{Enc(labels[i])}</text>");
            }
        }

        foreach (var s in series)
        {
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < s.Values.Count; i++)
            {
                if (s.Values[i] is { } v)
                {
                    path.Append(CultureInfo.InvariantCulture, $"{(pen ? 'L' : 'M')}{F(X(i))},{F(Y(v))} ");
                    pen = true;
                    svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"{s.CssClass}\" cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"3\"/>");
                }
                else
                {
                    pen = false;
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"{s.CssClass}\" d=\"{path.ToString().Trim()}\"/>");
        }

        svg.Append("</svg><ul class=\"legend\">");
        foreach (var s in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch {s.CssClass}\" aria-hidden=\"true\"></span>{Enc(s.Name)}</li>");
        }

        svg.Append("</ul>");
        return new HtmlString(svg.ToString());
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
