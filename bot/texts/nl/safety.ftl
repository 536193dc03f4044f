### Veiligheid, Nederlands: de zorgroute, de vertrouwenspersoon, hulplijnen, ernstige woorden.
### Sleutels en $variabelen gelijk houden met en/. Berichten zijn Telegram-HTML; knoppen platte tekst.

## Knoppen

safety-btn_worried = 🫶 Ik maak me zorgen
safety-btn_about_me = 🙋 Over mezelf
safety-btn_about_partner = 🤝 Over mijn coachingspartner
safety-btn_ask = 💬 Ja, laat { $name } het weten
safety-btn_no = 🙅 Nee, geef niets door
safety-btn_write = ✍️ Schrijf { $name }
safety-btn_answer = ↩️ Antwoord { $name }
safety-btn_close = ✔️ Gesprek afsluiten

## /help

safety-help_student = 🫶 Zit je ergens mee, over jezelf of over je coachingspartner? Tik op de knop of stuur /worried. Je vertrouwenspersoon: { $names }.
safety-help_student_none = 🫶 Zit je ergens mee? Tik op de knop of stuur /worried: je ziet meteen wie je kunt bellen. Je groep heeft nog geen vertrouwenspersoon.
safety-help_missing = ⚠️ <b>{ $cohorts }</b>: nog geen vertrouwenspersoon. Leerlingen die zich zorgen maken, zien dan alleen de hulplijnen. Stuur /links en geef de link voor de vertrouwenspersoon aan de vertrouwenspersoon of zorgcoördinator van je school.

## De zorgroute

safety-lines_intro =
    🫶 Goed dat je het laat weten. Hier kun je nu meteen terecht, gratis, en je hoeft je naam niet te zeggen:

    { $lines }

    Waar maak je je zorgen over?
safety-nudge =
    🫶 Alleen jij ziet dit. Wat je net schreef, klinkt zwaar. Je bericht is gewoon aangekomen, en ik vertel dit aan niemand.

    Wil je erover praten? Hier kun je nu meteen terecht:

    { $lines }

    Gaat het over jezelf of over je coachingspartner?
safety-nudge_plain =
    🫶 Alleen jij ziet dit. Wat je net schreef, klinkt zwaar. Ik vertel het aan niemand.

    Wil je erover praten? Deze kun je nu meteen bereiken:

    { $lines }

    Gaat het over jezelf of over je coachingspartner?
safety-lines_before_joining =
    🫶 Goed dat je het zegt. Deze kun je nu meteen bereiken, gratis, en je hoeft je naam niet te zeggen:

    { $lines }

    Zodra je met de link van je school meedoet, kan /worried je ook in contact brengen met de vertrouwenspersoon van je school.
safety-line = 📞 <b>{ $name }</b>: { $number }, { $what }
safety-line_emergency = bij direct gevaar, voor jezelf of voor een ander
safety-line_suicide = als je aan zelfmoord denkt, of je zorgen maakt om iemand die dat doet
safety-line_children = voor kinderen en jongeren, over alles wat je dwarszit
safety-offer_one =
    Je kunt ook praten met { $name }, de vertrouwenspersoon van je groep. { $name } hoort dan alleen dát je wilt praten: je voornaam, je groep en wanneer. Waarover vertel je zelf, als je dat wilt.

    Zal ik { $name } laten weten dat je wilt praten?
safety-offer_choose =
    Je kunt ook praten met een vertrouwenspersoon van je groep: { $names }. Die hoort dan alleen dát je wilt praten: je voornaam, je groep en wanneer. Waarover vertel je zelf, als je dat wilt.

    Met wie wil je praten?
safety-offer_none = Je groep heeft nog geen vertrouwenspersoon. De hulplijnen hierboven zijn er wel. Je mag het ook vertellen aan een volwassene die jij vertrouwt: je mentor, een ouder, de huisarts.
safety-partner_script =
    Maak je je zorgen om { $name }? Goed dat je dat serieus neemt. Oplossen hoeft niet; je kunt { $name } wel helpen om hulp te vinden. Vraag het eerst aan { $name } zelf, in je eigen woorden:

    1. Zeg wat je opvalt, zonder oordeel: "Ik merk dat het niet zo lekker met je gaat."
    2. Vraag of { $name } erover wil praten met een volwassene, zoals de vertrouwenspersoon.
    3. Zegt { $name } ja? Dan kan { $name } zelf op 🫶 tikken, of jullie zoeken samen iemand op.
    4. Zegt { $name } nee? Dat mag. Zeg dat je er bent.

    Is iemand nu in gevaar? Bel 112 en vertel het meteen aan een volwassene. Dat is geen verraad.

    Over je eigen zorg mag je altijd praten met de vertrouwenspersoon, ook zonder { $name } te noemen.
safety-partner_unknown = je partner
safety-asked = ✅ { $name } weet nu dat je wilt praten en antwoordt hier, via mij. Wat jullie elkaar schrijven, bewaar ik niet. Ik vertel het verder aan niemand: geen leerkracht, geen coördinator, niet je partner. Wil je zelf alvast iets schrijven? Dat mag.
safety-already_asked = { $name } weet al dat je wilt praten en antwoordt hier. Wil je zelf alvast iets schrijven? Dat mag.
safety-declined = Oké, ik geef niets door. De hulplijnen blijven hierboven staan, en /worried is er altijd.
safety-unreachable = Het lukt me nu niet om { $name } te bereiken. Dat ligt niet aan jou. De hulplijnen hierboven zijn er wel, meteen.

## Het gesprek met de vertrouwenspersoon

safety-request =
    🫶 <b>{ $student }</b> uit { $cohort } wil graag met je praten (gevraagd op { $when }).

    Waarover weet ik niet: dat vertelt { $student } zelf, als { $student } dat wil. Wat jullie elkaar hier schrijven, geef ik door en bewaar ik niet.
safety-line_open = ✍️ Wat je nu typt, gaat naar { $name }, precies zoals je het schrijft. Ik bewaar het niet. Klaar? Stuur /cancel.
safety-from_confidant = 🫶 <b>{ $name }</b> (vertrouwenspersoon): { $text }
safety-from_student = 🫶 <b>{ $name }</b> ({ $cohort }): { $text }
safety-text_only = In dit gesprek geef ik alleen tekst door. Typ gerust wat je wilt zeggen.
safety-closed = Het gesprek met { $name } is afgesloten. Wil je later weer praten? /worried is er altijd.
safety-talk_over = Dit gesprek is afgesloten. Met /worried vraag je opnieuw om te praten.
safety-closed_confidant = Het gesprek met { $name } is afgesloten.
safety-sent_to = ✓ Doorgestuurd naar { $name }.

## De belofte van vertrouwelijkheid

safety-btn_pledge = 🤝 Ik beloof het
safety-btn_pledge_no = 🙅 Liever niet
safety-btn_pledge_after_all = 🤝 Toch beloven
safety-pledge =
    🤝 <b>Voordat jullie elkaar schrijven: onze belofte</b>

    • Wat we hier zeggen, blijft tussen ons.
    • Geen screenshots, niets doorsturen.
    • Eén grens: is iemand in gevaar, dan vertellen we het aan een volwassene die we vertrouwen. Wie het over gaat, hoort dat eerst.
    • { $confidant }

    Beloof je het?
safety-pledge_confidant = Die volwassene is { $names }, de vertrouwenspersoon van jullie groep.
safety-pledge_no_confidant = Jullie groep heeft nog geen vertrouwenspersoon; dan is het je mentor of een leerkracht die je vertrouwt.
safety-pledge_not_sent = Je bericht is nog niet doorgestuurd: eerst de belofte. Ik heb het niet bewaard, dus stuur het daarna gerust opnieuw.
safety-pledge_waiting = Je bericht is nog niet doorgestuurd: { $names } heeft de belofte nog niet gedaan. Ik heb het niet bewaard; stuur het straks gerust opnieuw.
safety-pledge_thanks = Dank je! Zodra { $names } het ook belooft, gaan jullie berichten door.
safety-pledge_all = 🤝 Iedereen heeft het beloofd. Wat jullie nu typen, stuur ik door.
safety-pledge_declined = Oké, dat is jouw keuze. Zonder de belofte stuur ik geen berichten tussen jullie door. Bedenk je je? Tik dan op de knop.
safety-pledge_line = 🤝 Belofte van vertrouwelijkheid: { $names }
safety-pledge_pool =
    🤝 <b>Voordat je gekoppeld wordt: onze belofte</b>

    • Wat je coachingspartner en jij zeggen, blijft tussen jullie.
    • Geen screenshots, niets doorsturen.
    • Eén grens: is iemand in gevaar, dan vertellen we het aan een volwassene die we vertrouwen. Wie het over gaat, hoort dat eerst.
    • { $confidant }

    Beloof je het?
safety-pledge_pool_thanks = Dank je voor je belofte! 🤝
safety-pledge_pool_declined = Oké, dat is jouw keuze. Zonder de belofte koppel ik je nog niet. Bedenk je je? Tik dan op de knop.
