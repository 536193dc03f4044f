### Dashboard voor docenten en coördinatoren, Nederlands: de aanmeldlink in Telegram en de webpagina.
### Sleutels zijn de sleutels uit de code met koppeltekens voor punten; sleutels en $variabelen gelijk aan en/.
### dashboard-link en dashboard-not_allowed zijn Telegram-HTML; alles onder "Webpagina" is platte tekst.

dashboard-link =
    📊 <b>Je dashboard</b>

    Open deze link om je groepen te bekijken: { $url }

    De link werkt één keer en { $minutes } minuten lang. Stuur hem niet door: wie hem opent, ziet wat jij ziet. Een nieuwe nodig? Typ gewoon weer /dashboard.
dashboard-not_allowed = Het dashboard is er voor docenten en coördinatoren. Wil je weten hoe ver jij zelf bent? Kijk in /journal of /steps. 🌱


dashboard-digest =
    📊 <b>Weekoverzicht · { $cohort }</b>

    Leden: { $joined } · in de koppelpool: { $in_pool } · gekoppeld: { $paired }
    Koppels afgerond: { $closed } · gestopt: { $dissolved }

    <b>Vraagt aandacht</b>
    { $attention }

    Alles op een rij, met grafiek: /dashboard
dashboard-digest_line = • { $name }: { $reasons }
dashboard-digest_more = …en nog { $count }: je ziet ze allemaal op /dashboard.
dashboard-digest_nobody = Niemand op dit moment. 🎉

## Webpagina (platte tekst; de pagina zet ze zelf veilig in HTML)

dashboard-web-title = PeerCoach-dashboard
dashboard-web-signin_title = Aanmelden bij je dashboard
dashboard-web-signin_text = Druk op de knop om je aan te melden. De link werkt daarna niet meer.
dashboard-web-signin_button = Aanmelden
dashboard-web-signout = Afmelden
dashboard-web-signed_out = Je bent afgemeld. Typ /dashboard in Telegram om weer binnen te komen.
dashboard-web-refused_title = Dat lukt zo niet
dashboard-web-refused-expired = Deze link is verlopen: een link werkt maar { $minutes } minuten. Typ /dashboard in Telegram voor een nieuwe.
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
dashboard-web-reason-not_met = het geplande gesprek van { $date } ging niet door
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
dashboard-web-rounds = Koppelrondes
dashboard-web-rounds_none = Nog geen ronde bevestigd.
dashboard-web-round_line = Ronde { $number } · { $start } – { $end } · { $matches } gemaakt: { $finished } afgerond, { $dissolved } gestopt, { $active } lopen nog{ $ending ->
    [keep] { " " }· koppels gehouden
    [close] { " " }· trajecten afgesloten
   *[none] {""}
    }
dashboard-web-round_running = loopt
dashboard-web-end_question = Wat gebeurt er met { $pairs ->
    [one] het koppel dat nu loopt
   *[other] de { $pairs } koppels die nu lopen
    }? Kies er één.
dashboard-web-ending_keep = Koppels houden:
dashboard-web-ending_keep_hint = ze coachen gewoon door en krijgen een kort bericht; de volgende ronde koppelt alleen wie nog geen partner heeft.
dashboard-web-ending_close = Trajecten afsluiten:
dashboard-web-ending_close_hint = elk traject wordt netjes afgerond (niet afgebroken); iedereen krijgt een warm bericht en houdt zijn logboek.
dashboard-web-end_round = Ronde { $number } beëindigen
dashboard-web-end_first = Loopt er nog een ronde? Beëindig die eerst; daarna stel je hier de volgende voor.
dashboard-web-next_round = Volgende ronde voorstellen
dashboard-web-next_round_hint = Het voorstel komt in je Telegram-chat: daar wissel je, zet je vast en bevestig je. Niemand krijgt dezelfde partner als eerder.
dashboard-web-draft_waiting = Er ligt een voorstel klaar in je Telegram-chat: typ /pair om het te bekijken en te bevestigen.
dashboard-web-coordinators_only = Alleen coördinatoren beëindigen en starten rondes.
dashboard-web-done-end = Gedaan: de koppels krijgen nu een bericht en jij een samenvatting in Telegram.
dashboard-web-done-next = Het voorstel voor de volgende ronde staat zo in je Telegram-chat.
dashboard-web-done-again = Dat had je al gevraagd; kijk in je Telegram-chat.
dashboard-web-invites = Uitnodigingen · { $cohort }
dashboard-web-invite_hint = Print deze pagina of toon hem op het bord. Wie de QR-code scant, opent de bot en kiest zelf taal en privacy.
dashboard-web-invite_until = Werkt tot { $date }.
dashboard-web-invite_once = Werkt één keer: geef hem aan één persoon.
dashboard-web-invite_none = Er is nu geen werkende link voor deze rol.
dashboard-web-invite_new = Nieuwe links maken
dashboard-web-qr_of = QR-code van de uitnodiging als { $role }
dashboard-web-print_invites = Uitnodigingen met QR-codes (om te printen)
dashboard-web-operations = Werking van de bot
dashboard-web-ops_note = Voor de ICT-contactpersoon van de school: aantallen en tijden, geen namen en geen berichten.
dashboard-web-ops-outbox = Berichten die wachten om verstuurd te worden
dashboard-web-ops-oldest = Langst wachtende bericht sinds
dashboard-web-ops-inbox = Updates die wachten op verwerking
dashboard-web-ops-last_update = Laatste update van Telegram
dashboard-web-ops-database = Grootte van de database
dashboard-web-ops-errors = Fouten per uur (laatste 24 uur)
dashboard-web-ops-hour = Uur
dashboard-web-ops-failed_updates = Updates mislukt
dashboard-web-ops-failed_sends = Berichten mislukt
dashboard-web-ops-no_errors = Geen fouten in de laatste 24 uur.
dashboard-web-ops-none = –
dashboard-web-ops_link = Werking van de bot (voor ICT)
dashboard-web-ops_only = Met deze aanmelding zie je alleen hoe de bot werkt: aantallen en tijden, geen leerlingen en geen groepen.
