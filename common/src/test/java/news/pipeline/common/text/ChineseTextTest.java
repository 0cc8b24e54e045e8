package news.pipeline.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTextTest {

  @Test
  void shouldReadTraditionalCharactersAsSimplifiedWhenARepostUsesThem() {
    String traditional = "省民政廳發佈《關於加強困難群眾兜底保障的通知》，要求各地出臺實施細則。";

    assertThat(ChineseText.fold(traditional)).isEqualTo("省民政厅发布《关于加强困难群众兜底保障的通知》，要求各地出台实施细则。");
  }

  @Test
  void shouldLeaveSimplifiedTextAsItIsWhenNothingNeedsFolding() {
    String simplified = "县民政局为80周岁以上老人提供助餐服务，每餐补贴3元。";

    assertThat(ChineseText.fold(simplified)).isEqualTo(simplified);
  }

  @Test
  void shouldWriteChinesePunctuationWhenAsciiPunctuationSitsAmongChinese() {
    String ascii = "近日,市民政局印发(试行)办法:一是\"兜底\";二是提速!";

    assertThat(ChineseText.fold(ascii)).isEqualTo("近日，市民政局印发（试行）办法：一是“兜底”；二是提速！");
  }

  @Test
  void shouldKeepAsciiPunctuationWhenItBelongsToNumbersOrLatinText() {
    String mixed = "共发放1,200万元,时间10:30,见 Article (3) of the rules.";

    assertThat(ChineseText.fold(mixed)).isEqualTo("共发放1,200万元，时间10:30，见 Article (3) of the rules.");
  }

  @Test
  void shouldFoldFullWidthLettersAndDigitsWhenAPageUsesThem() {
    assertThat(ChineseText.fold("２０２４年ＡＩ养老")).isEqualTo("2024年AI养老");
  }

  @Test
  void shouldFoldABracketPairTogetherWhenOnlyOneSideTouchesChinese() {
    assertThat(ChineseText.fold("《社会救助办法(2024年修订)》")).isEqualTo("《社会救助办法（2024年修订）》");
  }

  @Test
  void shouldKeepTheLengthWhenAPhraseWouldChangeIt() {
    String text = "士多啤梨與養老服務";

    assertThat(ChineseText.fold(text)).hasSameSizeAs(text).endsWith("与养老服务");
  }
}
