"""Italian items (15)."""

ITEMS = [
    ('policy', 'lowercase', "il taglio ai fondi olandesi riguarda anche i programmi cofinanziati con l'unione europea?"),
    ("policy", "preamble", "Lavoro per una ONG italiana che ha partner comuni con un'organizzazione olandese in Etiopia. Da noi l'AICS ha appena cambiato le regole sui bandi. Volevo capire: i Paesi Bassi prevedono ancora bandi aperti per consorzi internazionali o solo accordi diretti?"),
    ("policy", "no_accents", "La strategia per l'Africa e gia stata approvata dal parlamento o e ancora una bozza"),
    ("policy", "decoy", "Si parla tanto di ascoltare le comunità, ma nel nuovo quadro di finanziamento quale percentuale del budget resta alla salute?", "policy: allocazione di bilancio; 'comunità' è esca"),
    ("civic", "plain", "Come si proteggono gli attivisti ambientali che ricevono minacce dopo aver denunciato le miniere illegali?"),
    ('civic', 'terse', 'giornalisti minacciati, aiuti?'),
    ("civic", "indirect", "Mi chiedo se la rete possa fare qualcosa per i sindacalisti arrestati durante lo sciopero."),
    ("civic", "decoy", "Capisco il discorso sui partenariati, ma chi difende le donne che manifestano contro la nuova legge sulla famiglia?", "civic: protesta e repressione; 'partenariati' è esca"),
    ("system", "plain", "Perché le organizzazioni locali non possono essere capofila nei consorzi finanziati dal ministero?"),
    ("system", "terse", "chi decide le priorità?"),
    ("system", "no_qmark", "vorrei capire come condividere davvero il rischio con i partner locali invece di scaricarlo su di loro"),
    ("system", "decoy", "Il ministero chiede trasparenza, ma le ONG internazionali rendono conto alle comunità o solo ai donatori?", "system: accountability verso le comunità; 'ministero' è esca"),
    ("other", "plain", "Qualcuno sa consigliare un buon corso di GIS per mappare aree agricole?"),
    ("other", "typo", "cè qualcuno che ha lavorato in Kenya e sa se serve il vaccino per la febre gialla?"),
    ("other", "terse", "stage Roma ONG?"),
]
