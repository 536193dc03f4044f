### Toestemming, Nederlands: leeftijd bij het aanmelden, de ouderlink, intrekken, /consent.
### Sleutels en $variabelen gelijk houden met en/. Berichten zijn Telegram-HTML; knoppen platte tekst.

## Aanmelden

consent-accept_older = Oké, en ik ben { $age } of ouder 👍
consent-accept_young = Oké, en ik ben jonger dan { $age }
consent-ask_parent =
    Fijn dat je meedoet met <b>{ $cohort }</b>! 🌱

    Omdat je jonger bent, vraag ik eerst even een ouder of verzorger om toestemming. Stuur deze link naar je ouder:
    { $link }

    Zodra je ouder ja zegt, hoor je het van mij. Tot die tijd bewaar ik niets anders dan dat je wacht. /help en /privacy werken gewoon.
consent-stop = Toch niet, vergeet me
consent-waiting_help =
    Je wacht nog op het ja van je ouder voor <b>{ $cohort }</b>. ⏳ Daarna kun je echt beginnen, met /pool en de rest.

    Stuur je ouder deze link gerust nog een keer:
    { $link }

    Met /privacy lees je wat ik bewaar: bijna niets. Toch liever niet? Tik hieronder, dan vergeet ik je.
consent-yes_waits_for_you = Je ouder zei al ja! 🎉 Tik op ‘Verder met aanmelden’ om je aanmelding af te ronden. Daarna werkt alles, ook /pool.
consent-waiting_withdrawn = Je ouder heeft de toestemming toch weer ingetrokken, dus meedoen kan nu niet. Praat er samen over: zegt je ouder via dezelfde link opnieuw ja, dan hoor je het meteen van mij.
consent-band_ask = Nog één vraag voordat je meedoet in deze groep: hoe oud ben je?
consent-band_older = Ik ben { $age } of ouder
consent-band_young = Ik ben jonger dan { $age }
consent-student_yes_joined = Goed nieuws: je ouder zei ja! 🎉 Je doet nu mee in <b>{ $cohort }</b>. Met /pool meld je je aan om gekoppeld te worden.

## De ouder

consent-link_unknown = Deze link werkt niet (meer). Vraag je kind om de link opnieuw te sturen.
consent-link_own = Dit is de link voor je ouder of verzorger 🙂 Stuur hem naar hen door; zij tikken erop, niet jij.
consent-link_member = Deze link is voor een ouder of verzorger. Jij zit zelf al in deze groep, dus jij kunt hier geen toestemming geven.
consent-link_other_parent = Een andere ouder of verzorger heeft hier al op gereageerd. Vragen? Neem contact op met de school.
consent-parent_notice =
    <b>Hallo!</b> 👋 Uw kind wil meedoen met peercoaching in <b>{ $cohort }</b>: leerlingen coachen elkaar via deze Telegram-bot, bij school.

    <b>Wat ik bewaar:</b> Telegram-nummer, voornaam, taal, groep en rol, en wat uw kind zelf vastlegt (doel, stappen, scores). Berichten tussen coachingspartners geef ik door, maar bewaar ik niet. Leerkrachten zien voortgang, nooit inhoud.

    <b>Veiligheid:</b> partners beloven elkaar dat wat gezegd wordt tussen hen blijft. Maakt iemand zich zorgen, dan kan uw kind de vertrouwenspersoon van school inschakelen, en ziet het altijd hulplijnen.

    Gaat u akkoord? U kunt later via deze zelfde link uw toestemming intrekken.
consent-btn_agree = ✅ Ik ga akkoord
consent-btn_decline = Nee, liever niet
consent-btn_withdraw = Toestemming intrekken
consent-parent_thanks = Dank u wel! Uw kind kan nu verder. Wilt u later toch stoppen? Open dan dezelfde link opnieuw.
consent-parent_declined = Helder, dank u. Uw kind doet niet mee en ik vergeet de aanvraag.
consent-parent_agreed_before = U gaf eerder toestemming voor <b>{ $cohort }</b>. Wilt u die intrekken? Dan zet ik uw kind op pauze en kan het al zijn gegevens laten wissen.
consent-parent_withdrew = Uw toestemming is ingetrokken. Uw kind staat op pauze en wordt niet meer gekoppeld; ik bied het aan om alles te wissen. Bedenkt u zich? Open dan dezelfde link opnieuw.

## Terug naar de leerling

consent-btn_continue = Verder met aanmelden
consent-student_yes = Goed nieuws: je ouder zei ja! 🎉 Tik hieronder om je aanmelding af te ronden.
consent-student_yes_again = Je ouder heeft weer toestemming gegeven. Met /pool kun je je weer aanmelden om gekoppeld te worden. 🌱
consent-student_no = Je ouder heeft liever niet dat je meedoet. Dat is oké; ik heb alles over je vergeten. Praat er gerust samen over, en samen beslissen kan later altijd nog.
consent-student_withdrawn = Je ouder heeft de toestemming ingetrokken. Je staat daarom op pauze: je wordt niet gekoppeld. Wil je dat ik al je gegevens wis? Dat kan met de knop hieronder, of later via /privacy.

## Koppelen

consent-pool_school_unconfirmed = Bijna! Je school bevestigt eerst nog dat ouders op de hoogte zijn. Daarna kun je hier meedoen. 🌱
consent-pool_parent_pending = Eerst nog het ja van je ouder, dan kun je meedoen.
consent-pool_withdrawn = Je staat op pauze, omdat je ouder de toestemming heeft ingetrokken. Praat er samen over; zegt je ouder weer ja, dan kun je meedoen.
consent-relay_paused_self = Je staat op pauze omdat je ouder de toestemming heeft ingetrokken, dus ik stuur je bericht niet door (en bewaar het niet). /help en /worried werken gewoon.
consent-relay_paused = Je coachingspartner staat even op pauze, dus ik stuur je bericht niet door (en bewaar het niet). Je leerkracht kan je verder helpen.

## Coördinator (/consent)

consent-admin_only = Met /consent kiest een coördinator hoe jonge leerlingen toestemming krijgen.
consent-policy_school = <b>{ $cohort }</b>: <b>via school</b>. Leerlingen jonger dan { $age } doen mee omdat de school de ouders heeft geïnformeerd.
consent-policy_parent = <b>{ $cohort }</b>: <b>ouder bevestigt</b>. Leerlingen jonger dan { $age } krijgen een link voor hun ouder; pas na diens ja doen ze mee.
consent-informed_by = Bevestigd door { $who } op { $date }: ouders zijn geïnformeerd.
consent-informed_missing = Nog niet bevestigd dat ouders zijn geïnformeerd. Tot dan worden jonge leerlingen niet gekoppeld.
consent-btn_informed = ✅ Ouders zijn geïnformeerd
consent-btn_to_school = Via school regelen
consent-btn_to_parent = Ouder laten bevestigen
consent-country_nl = 🇳🇱 Land: Nederland. Leerlingen zien Nederlandse hulplijnen; de leeftijdsgrens is 16, tenzij anders ingesteld.
consent-country_be = 🇧🇪 Land: België. Leerlingen zien Belgische hulplijnen; de leeftijdsgrens is 13, tenzij anders ingesteld.
consent-btn_country_nl = 🇳🇱 Land: Nederland
consent-btn_country_be = 🇧🇪 Land: België
