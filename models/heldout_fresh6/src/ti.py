"""Tigrinya items (10)."""

ITEMS = [
    ("policy", "plain", "መንግስቲ ኔዘርላንድ ንኢትዮጵያ ዝህቦ ሓገዝ ኣብ ዝመጽእ ዓመት ክጎድል ድዩ?"),
    ("policy", "terse", "ናይ መመልከቲ መወዳእታ ዕለት?"),
    ("civic", "plain", "ነቶም ብሰላማዊ ሰልፊ ዝተኣስሩ መንእሰያት ብኸመይ ክንሕግዞም ንኽእል?"),
    ("civic", "indirect", "ኣብ ስደት ንዘለዉ ጋዜጠኛታት ዝወሃብ ደገፍ እንተሎ ክፈልጥ ደልየ።"),
    ("civic", "decoy", "ብዛዕባ ሓገዝ ብዙሕ ተዛሪብና፣ ግን ዝተሰወሩ ተጣበቕቲ ሰብኣዊ መሰል መን እዩ ዝከታተሎም?", "civic: disappeared rights defenders; aid words are decoy"),
    ("system", "plain", "ስለምንታይ እየን ናይ ከባቢ ትካላት ብቐጥታ ገንዘብ ዘይረኽባ?"),
    ("system", "code_mix", "ኣብ humanitarian response ውሳኔታት ብ local organisations ዘይኮነስ ብ UN cluster ስለምንታይ ይውሰኑ?"),
    ("system", "no_qmark", "ማሕበረሰብ ባዕሉ ነቶም ዝሰርሑሉ ትካላት ዝገምግመሉ መንገዲ እንተሎ ንገሩና"),
    ("other", "plain", "ኣብ ገጠር ዘለዋ ኣጣል ካብ ሕማም ብኸመይ ንከላኸለለን?"),
    ("other", "terse", "ስኮላርሺፕ ኣብ ኤውሮጳ?"),
]
