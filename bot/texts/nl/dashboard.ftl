### Dashboard voor docenten en coördinatoren, Nederlands: de aanmeldlink in Telegram en de webpagina.
### Sleutels zijn de sleutels uit de code met koppeltekens voor punten; sleutels en $variabelen gelijk aan en/.
### dashboard-link en dashboard-not_allowed zijn Telegram-HTML; alles onder "Webpagina" is platte tekst.

dashboard-link =
    📊 <b>Je dashboard</b>

    Open deze link om je groepen te bekijken: { $url }

    De link werkt één keer en { $minutes } minuten lang. Stuur hem niet door: wie hem opent, ziet wat jij ziet. Een nieuwe nodig? Typ gewoon weer /dashboard.
dashboard-not_allowed = Het dashboard is er voor docenten en coördinatoren. Wil je weten hoe ver jij zelf bent? Kijk in /journal of /steps. 🌱

## Webpagina (platte tekst; de pagina zet ze zelf veilig in HTML)

dashboard-web-title = PeerCoach-dashboard
dashboard-web-signin_title = Aanmelden bij je dashboard
dashboard-web-signin_text = Druk op de knop om je aan te melden. De link werkt daarna niet meer.
dashboard-web-signin_button = Aanmelden
dashboard-web-signout = Afmelden
dashboard-web-signed_out = Je bent afgemeld. Typ /dashboard in Telegram om weer binnen te komen.
dashboard-web-refused_title = Dat lukt zo niet
dashboard-web-refused-expired = Deze link is verlopen: een link werkt maar tien minuten. Typ /dashboard in Telegram voor een nieuwe.
dashboard-web-refused-used = Deze link is al gebruikt. Een link werkt maar één keer; typ /dashboard in Telegram voor een nieuwe.
dashboard-web-refused-unknown = Deze link kennen we niet. Kopieer hem in zijn geheel, of typ /dashboard in Telegram voor een nieuwe.
dashboard-web-refused-no_session = Je bent (nog) niet aangemeld, of je sessie is verlopen. Typ /dashboard in Telegram voor een aanmeldlink.
dashboard-web-refused-not_yours = Deze pagina hoort bij een groep waarin je geen docent of coördinator bent.
dashboard-web-refused-form = Dit formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.
dashboard-web-cohorts = Jouw groepen
dashboard-web-no_cohorts = Je bent (nu) in geen enkele groep docent of coördinator.
dashboard-web-back = Alle groepen
dashboard-web-metadata_only = Hier zie je alleen stappen, datums en aantallen, nooit wat leerlingen schrijven.
dashboard-web-funnel = Trechter
dashboard-web-funnel_people = Van link tot koppel
dashboard-web-funnel-invited = Link geopend
dashboard-web-funnel-joined = Lid geworden
dashboard-web-funnel-consented = Akkoord met privacy
dashboard-web-funnel-in_pool = Doet mee aan koppelen
dashboard-web-funnel-paired = Nu gekoppeld
dashboard-web-funnel-steps = Trajecten per stap
dashboard-web-funnel-closed = Koppels afgerond
dashboard-web-funnel-dissolved = Koppels gestopt
dashboard-web-attention = Vraagt aandacht
dashboard-web-attention_none = Niemand op dit moment. 🎉
dashboard-web-reason-silent = stil sinds { $date }
dashboard-web-reason-no_click = geen klik met de vorige partner, wacht op een nieuwe
dashboard-web-reason-waiting = wacht op een partner sinds { $date }
dashboard-web-reason-paused = pauzeert tot { $date }
dashboard-web-activity = Activiteit per week
dashboard-web-activity_alt = Staafdiagram van de laatste { $weeks } weken: nieuwe leden, nieuwe koppels en beëindigde koppels per week. Dezelfde cijfers staan in de tabel eronder.
dashboard-web-week = Week van
dashboard-web-series-joined = Nieuwe leden
dashboard-web-series-paired = Nieuwe koppels
dashboard-web-series-ended = Koppels beëindigd
dashboard-web-csv = Download als CSV (alleen metadata)
dashboard-web-worries = Zorgroute
dashboard-web-worries_count = Leerlingen openden de zorgroute { $count } keer. Wie en waarom blijft bij hen.
dashboard-web-skip = Naar de inhoud
