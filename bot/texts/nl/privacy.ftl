### Privacy, Nederlands: toestemming, wissen, je gegevens downloaden, bewaartermijn van een groep.
### Sleutels zijn de sleutels uit de code met streepjes voor punten; sleutels en $variabelen gelijk houden met en/.
### Berichten zijn Telegram-HTML (de bot escapet de variabelen); knoppen zijn platte tekst.

## Privacy and consent

privacy-notice =
    <b>Eerst even over privacy</b> 🔒

    <b>Wat ik bewaar:</b> je Telegram-nummer, je voornaam, je taal, bij welke groep je hoort en je rol daarin. Later ook wat jij zelf vastlegt, zoals je doel, je stappen en je scores.

    <b>Wie wat ziet:</b> wat je met je coachingspartner schrijft, geef ik alleen door en bewaar ik niet. Je leerkracht en de coördinator zien hoe ver je bent (stap, data, aantallen), maar nooit wat je schrijft, tenzij jij dat zelf deelt.

    <b>Stoppen:</b> dat kan altijd. Met /privacy lees je dit opnieuw en kun je al je gegevens laten wissen.
privacy-notice_teacher =
    <b>Eerst even over privacy</b> 🔒

    <b>Wat ik over jou bewaar:</b> je Telegram-nummer, je voornaam, je taal, je groepen en je rol daarin.

    <b>Wat je van leerlingen ziet:</b> hoe ver ze zijn (stap, data, aantallen). Nooit wat ze met hun coachingspartner schrijven, tenzij een leerling dat zelf met je deelt.

    <b>Stoppen:</b> met /privacy download je je gegevens of laat je alles wissen.
privacy-notice_coordinator =
    <b>Eerst even over privacy</b> 🔒

    <b>Wat ik over jou bewaar:</b> je Telegram-nummer, je voornaam, je taal, je groepen en je rol daarin.

    <b>Wat je van leerlingen ziet:</b> wie meedoet, wie met wie gekoppeld is en hoe ver ze zijn (stap, data, aantallen). Nooit wat ze elkaar schrijven, tenzij een leerling dat zelf met je deelt.

    <b>Stoppen:</b> met /privacy download je je gegevens of laat je alles wissen.
privacy-notice_confidant =
    <b>Eerst even over privacy</b> 🔒

    <b>Wat ik over jou bewaar:</b> je Telegram-nummer, je voornaam, je taal, je groepen en je rol daarin.

    <b>Wat je van leerlingen ziet:</b> alleen wie met je wil praten, uit welke groep en wanneer. Wat jullie elkaar schrijven, geef ik door en bewaar ik niet.

    <b>Stoppen:</b> met /privacy download je je gegevens of laat je alles wissen.
privacy-ask = Is dat oké voor jou?
privacy-accept = Oké, doe maar 👍
privacy-decline = Liever niet
privacy-declined = Helemaal goed. Ik heb niets over je bewaard. Bedenk je je? Tik dan gewoon opnieuw op je uitnodigingslink.
privacy-forget = 🗑 Wis mijn gegevens
privacy-forget_confirm = Weet je het zeker? Dan wis ik alles wat ik over je weet, ook je groepen. Dat kan ik niet terugdraaien.
privacy-forget_yes = Ja, wis alles
privacy-forget_no = Nee, laat maar
privacy-forgotten = Klaar: alles wat ik over je wist, is gewist. Je bent altijd welkom om terug te komen met een nieuwe link. 👋
privacy-kept = Prima, alles blijft zoals het was.

## Je gegevens downloaden (/privacy)

export-button = 📦 Download mijn gegevens
export-caption = 📦 Alles wat ik over je bewaar. Open het HTML-bestand in de zip om het te lezen; het JSON-bestand is voor computers.
export-caption_part = 📦 Deel { $part } van { $parts } van je gegevens. Zet de delen achter elkaar (in volgorde) om het zip-bestand te openen.
export-nothing = Ik bewaar niets over je, dus er valt niets te downloaden.
export-title = Mijn gegevens bij PeerCoach
export-intro = Alles wat PeerCoach over je bewaarde op { $date }. Wat je partner schreef, staat er niet in: dat is van hen.
export-person = Over jou
export-label_name = Voornaam
export-label_username = Gebruikersnaam
export-label_language = Taal
export-label_since = Bekend sinds
export-label_consent = Privacy-uitleg aanvaard op
export-cohorts = Je groepen en rollen
export-created = Groepen die je aanmaakte
export-pool = Je profiel in de koppelpool
export-label_about = Over jezelf
export-label_interests = Interesses
export-label_availability = Wanneer je kunt
export-label_status = Status
export-no_pair = Met wie je liever niet gekoppeld wordt
export-trajectories = Je coachingtrajecten
export-as_coachee = Jij werd gecoacht door { $partner }
export-as_coach = Jij coachte { $partner }
export-as_observer = Jij keek mee bij { $partner }
export-goals = Je doel
export-scales = Je score door de tijd
export-small_steps = Je kleine stappen
export-notes = Wat je vastlegde
export-contract = Wat je voorstelde voor jullie afspraken
export-agreed_items = Afspraken waar je ja op zei
export-reflections = Je reflecties als coach
export-observations = Je feedback als observator
export-conversations = Gesprekken
export-worry = Gesprekken met een vertrouwenspersoon (wie en wanneer; wat je schreef, gaf ik door en bewaarde ik niet)
export-worry_asked = je vroeg { $name } om te praten
export-worry_confidant = { $name } vroeg jou om te praten
export-pledges = Je belofte van vertrouwelijkheid
export-pledge_agreed = je beloofde het op { $date }
export-pledge_declined = je zei nee op { $date }
export-pledge_open = getoond, nog niet beantwoord
export-consents = Toestemming en leeftijd
export-consent_young = jonger dan de leeftijdsgrens
export-consent_older = de leeftijdsgrens of ouder
export-consent_agreed = je ouder stemde in op { $date }
export-consent_withdrawn = ingetrokken op { $date }
export-help_cards = Wanneer ik je de hulplijnen liet zien na iets zwaars dat je schreef (je bericht bewaarde ik niet)
export-dance_checks = Je dans-check na gesprekken (alleen jij en je partner zagen dit)
export-dance_line = Gesprek { $number } · { $date } · wie leidde: { $led } · tempo: { $rhythm } · gehoord: { $heard }
export-dance_led_me = ik
export-dance_led_other = mijn partner
export-dance_led_together = samen
export-rooms = Groepssessies
export-my_contributions = Wat jij schreef
export-my_step = Jouw stap
export-my_roles = Jouw rol
export-empty = —

## Bewaartermijn van een groep (/enddate)

retention-warning = 🗓 Over twee weken, op { $date }, wis ik alles wat de leerlingen van <b>{ $cohort }</b> schreven en wie erin zat. Alleen anonieme aantallen blijven. Wil je eerst een overzicht (namen, rollen, stappen, geen inhoud)?
retention-btn_csv = 📄 Overzicht als CSV
retention-csv_caption = 📄 Overzicht van { $cohort }: wie, welke rol, welke stap. Wat de leerlingen schreven, staat er niet in.
retention-purged = 🧹 De gegevens van <b>{ $cohort }</b> zijn gewist. Alleen anonieme aantallen blijven bewaard.
retention-not_yours = Dit overzicht is voor de coördinatoren van deze groep.
retention-usage = Stuur /enddate met de laatste dag van je groep, bijvoorbeeld <code>/enddate 30-06-{ $year }</code>.
retention-end_set = 🗓 <b>{ $cohort }</b> stopt op { $ends }. Op { $purge } wis ik wat de leerlingen schreven; twee weken eerder krijg je een seintje.
retention-past = Die dag is al voorbij ({ $ends }). Er is niets veranderd: stuur /enddate met de laatste dag van de groep, vandaag of later.
retention-pick = Voor welke groep is dat de laatste dag?
retention-not_allowed = Alleen coördinatoren kunnen de laatste dag van een groep instellen.
