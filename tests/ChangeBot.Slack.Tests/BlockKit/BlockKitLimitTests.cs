using System.Text.Json.Nodes;
using ChangeBot.Slack.BlockKit;
using ChangeBot.Testing.Slack;

namespace ChangeBot.Slack.Tests.BlockKit;

public class BlockKitLimitTests
{
    private static readonly string Long = new('x', 5000);

    private static string TextOf(JsonNode? node) => node!["text"]!.GetValue<string>();

    [Fact]
    public void Truncate_OverLimit_CutWithEllipsisToExactLimit()
    {
        var cut = SlackText.Truncate("abcdefgh", 5);

        Assert.Equal("abcd…", cut);
    }

    [Fact]
    public void Truncate_WouldSplitASurrogatePair_CutsBeforeIt()
    {
        var cut = SlackText.Truncate("abc😀defg", 5);

        Assert.Equal("abc…", cut);
    }

    [Fact]
    public void Header_Over150_Cut()
    {
        var json = new HeaderBlock(Long).ToJson();

        Assert.Equal(150, TextOf(json["text"]).Length);
        Assert.EndsWith("…", TextOf(json["text"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Section_TextOver3000AndFieldsOver10_CutAndSummarised()
    {
        var fields = Enumerable.Range(1, 14).Select(i => TextObject.Markdown(i == 1 ? Long : $"field {i}")).ToList();

        var json = new SectionBlock { Text = TextObject.Markdown(Long), Fields = fields }.ToJson();

        Assert.Equal(3000, TextOf(json["text"]).Length);
        var rendered = json["fields"]!.AsArray();
        Assert.Equal(10, rendered.Count);
        Assert.Equal(2000, TextOf(rendered[0]).Length);
        Assert.Equal("…and 5 more", TextOf(rendered[9]));
    }

    [Fact]
    public void Context_Over10Elements_Summarised()
    {
        var json = new ContextBlock([.. Enumerable.Range(1, 12).Select(i => TextObject.Plain($"e{i}"))]).ToJson();

        var elements = json["elements"]!.AsArray();
        Assert.Equal(10, elements.Count);
        Assert.Equal("…and 3 more", TextOf(elements[9]));
    }

    [Fact]
    public void Actions_Over25Elements_KeepsTheFirst25()
    {
        var json = new ActionsBlock([.. Enumerable.Range(1, 30).Select(i => new ButtonElement($"b{i}", $"Button {i}"))]).ToJson();

        Assert.Equal(25, json["elements"]!.AsArray().Count);
    }

    [Fact]
    public void Button_TextOver75_Cut_ValueAndUrlOverLimit_Throw()
    {
        var json = new ButtonElement("b", Long, "v").ToJson();

        Assert.Equal(75, TextOf(json["text"]).Length);
        Assert.Throws<ArgumentException>(() => new ButtonElement("b", "ok", new string('v', 2001)));
        Assert.Throws<ArgumentException>(() => new ButtonElement("b", "ok") { Url = new Uri("https://x.example/" + new string('p', 3000)) });
    }

    [Fact]
    public void Ids_Over255_ThrowAsProgrammingErrors()
    {
        var id = new string('i', 256);

        Assert.Throws<ArgumentException>(() => new ButtonElement(id, "b"));
        Assert.Throws<ArgumentException>(() => new DividerBlock { BlockId = id });
        Assert.Throws<ArgumentException>(() => new ModalView(id, "t", []));
        Assert.Throws<ArgumentException>(() => new ModalView("cb", "t", []) { ExternalId = id });
        Assert.Equal(255, new ButtonElement(new string('i', 255), "b").ActionId.Length);
    }

    [Fact]
    public void Modal_TitleSubmitCloseOver24_Cut_AndBlocksOver100_Summarised()
    {
        var blocks = Enumerable.Range(1, 120).Select(i => (Block)SectionBlock.Markdown($"s{i}")).ToList();

        var json = new ModalView("cb", "A title far longer than twenty-four", blocks) { Submit = Long, Close = Long }.ToJson();

        Assert.Equal(24, TextOf(json["title"]).Length);
        Assert.Equal(24, TextOf(json["submit"]).Length);
        Assert.Equal(24, TextOf(json["close"]).Length);
        var rendered = json["blocks"]!.AsArray();
        Assert.Equal(100, rendered.Count);
        Assert.Equal("…and 21 more", TextOf(rendered[99]!["elements"]![0]));
        Assert.Null(SlackBlockRules.CheckView(json));
    }

    [Fact]
    public void Modal_WithInputAndNoSubmit_GetsASubmitButton()
    {
        var json = new ModalView("cb", "New change", [new InputBlock("title", "Title", new TextInputElement("v"))]).ToJson();

        Assert.Equal("Submit", TextOf(json["submit"]));
    }

    [Fact]
    public void Modal_WithoutInput_HasNoSubmit()
    {
        var json = new ModalView("cb", "Info", [SectionBlock.Markdown("hi")]).ToJson();

        Assert.Null(json["submit"]);
    }

    [Fact]
    public void Modal_PrivateMetadataOver3000_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ModalView("cb", "t", []) { PrivateMetadata = new string('m', 3001) });
        Assert.Throws<ArgumentException>(() => new HomeView([]) { PrivateMetadata = new string('m', 3001) });
    }

    [Fact]
    public void TextInput_MaxLengthOver3000AndPlaceholderOver150_Capped()
    {
        var json = new TextInputElement("v") { MaxLength = 10_000, Placeholder = Long, InitialValue = Long }.ToJson();

        Assert.Equal(3000, json["max_length"]!.GetValue<int>());
        Assert.Equal(150, TextOf(json["placeholder"]).Length);
        Assert.Equal(3000, json["initial_value"]!.GetValue<string>().Length);
    }

    [Fact]
    public void Select_Over100Options_KeepsTheFirst100_OptionTextCut_ValueOver150Throws()
    {
        var options = Enumerable.Range(1, 130).Select(i => new OptionObject(i == 1 ? Long : $"o{i}", $"v{i}")).ToList();

        var json = new OptionsElement("s", OptionsKind.StaticSelect, options).ToJson();

        var rendered = json["options"]!.AsArray();
        Assert.Equal(100, rendered.Count);
        Assert.Equal(75, TextOf(rendered[0]!["text"]).Length);
        Assert.Throws<ArgumentException>(() => new OptionObject("t", new string('v', 151)));
    }

    [Fact]
    public void Input_LabelAndHintOver2000_Cut()
    {
        var json = new InputBlock("b", Long, new TextInputElement("v")) { Hint = Long }.ToJson();

        Assert.Equal(2000, TextOf(json["label"]).Length);
        Assert.Equal(2000, TextOf(json["hint"]).Length);
    }

    [Fact]
    public void Message_Over50Blocks_Summarised_TextAlwaysSet()
    {
        var message = new MessageLayout("", [.. Enumerable.Range(1, 60).Select(i => (Block)new DividerBlock())]);
        var body = new JsonObject();

        message.WriteTo(body);

        Assert.Equal(50, body["blocks"]!.AsArray().Count);
        Assert.False(string.IsNullOrEmpty(body["text"]!.GetValue<string>()));
        Assert.Null(SlackBlockRules.CheckMessage(body["blocks"]));
    }

    [Fact]
    public void Home_Over100Blocks_Summarised()
    {
        var json = new HomeView([.. Enumerable.Range(1, 101).Select(i => (Block)new DividerBlock())]).ToJson();

        Assert.Equal(100, json["blocks"]!.AsArray().Count);
        Assert.Equal("home", json["type"]!.GetValue<string>());
    }

    [Fact]
    public void EveryElementKind_RendersJsonTheStandInAccepts()
    {
        var view = new ModalView("cb", "All kinds",
        [
            new InputBlock("a", "Text", new TextInputElement("v") { Multiline = true }),
            new InputBlock("b", "Number", new TextInputElement("v", TextInputKind.Number) { IsDecimalAllowed = true }),
            new InputBlock("c", "Url", new TextInputElement("v", TextInputKind.Url)),
            new InputBlock("d", "Email", new TextInputElement("v", TextInputKind.Email)),
            new InputBlock("e", "Radio", new OptionsElement("v", OptionsKind.RadioButtons, [new("A", "a"), new("B", "b")]) { Initial = [new("A", "a")] }),
            new InputBlock("f", "Checks", new OptionsElement("v", OptionsKind.Checkboxes, [new("A", "a")]) { Initial = [new("A", "a")] }),
            new InputBlock("g", "Multi", new OptionsElement("v", OptionsKind.MultiStaticSelect, [new("A", "a")]) { Placeholder = "pick" }),
            new InputBlock("h", "User", new PickerElement("v", PickerElement.UsersSelect) { Initial = "U1" }),
            new InputBlock("i", "Day", new PickerElement("v", PickerElement.DatePicker) { Initial = "2026-03-04" }),
            new InputBlock("j", "Time", new PickerElement("v", PickerElement.TimePicker) { Initial = "14:30", Timezone = "Europe/Berlin" }),
            new InputBlock("k", "When", new PickerElement("v", PickerElement.DateTimePicker) { Initial = "1772634600" }) { Optional = true },
            new SectionBlock { Text = TextObject.Markdown("*hi*"), Accessory = new ButtonElement("go", "Go", "1") { Style = ButtonStyle.Danger } },
        ]);

        var json = view.ToJson();

        Assert.Null(SlackBlockRules.CheckView(json));
        Assert.Equal("a", json["blocks"]![4]!["element"]!["initial_option"]!["value"]!.GetValue<string>());
        Assert.Equal(1772634600, json["blocks"]![10]!["element"]!["initial_date_time"]!.GetValue<long>());
        Assert.Equal("danger", json["blocks"]![11]!["accessory"]!["style"]!.GetValue<string>());
    }
}
