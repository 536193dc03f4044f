## /portfolio: the coach's own log as a PDF, for the student to hand to a teacher if they want

portfolio-not_coach = Je portfolio vult zich zodra je zelf iemand coacht. Daarna maak je met /portfolio een PDF van je eigen coachlogboek.
portfolio-empty = Er staat nog niets in je portfolio. Na elk gesprek waarin jij coacht, kun je even terugkijken; dat komt erin te staan. 🪞
portfolio-caption = 📄 <b>Jouw coachportfolio</b>
    Alleen jij krijgt dit bestand. Jij beslist of je het aan je docent geeft. Wat je coachees schreven, staat er niet in.
portfolio-filename = coachportfolio.pdf
portfolio-title = Coachportfolio van { $name }
portfolio-made = Gemaakt op { $day } met PeerCoach
portfolio-about = Dit is mijn eigen logboek als peercoach: welke rol ik per gesprek nam, waar ik stond, wat ik erover dacht en welke feedback een observator me gaf. Wat mijn coachees schreven (hun doel, hun stappen, hun aantekeningen en de woorden van hun complimenten) hoort bij hen en staat hier niet in.
portfolio-summary_head = In het kort
portfolio-summary = { $trajectories ->
        [one] 1 traject als coach
       *[other] { $trajectories } trajecten als coach
    } · { $conversations ->
        [one] 1 gesprek gevoerd
       *[other] { $conversations } gesprekken gevoerd
    } · { $closings ->
        [one] 1 traject samen afgesloten
       *[other] { $closings } trajecten samen afgesloten
    } · { $compliments ->
        [one] 1 compliment gekregen
       *[other] { $compliments } complimenten gekregen
    }
portfolio-trajectory = Traject { $number } ({ $held ->
        [one] 1 gesprek
       *[other] { $held } gesprekken
    })
portfolio-trajectory_closed = Traject { $number } ({ $held ->
        [one] 1 gesprek
       *[other] { $held } gesprekken
    }, samen afgesloten)
portfolio-nothing_yet = Nog geen gesprekken om op terug te kijken.
portfolio-conversation = Gesprek { $number }
portfolio-no_reflection = Over dit gesprek heb ik (nog) niet teruggekeken.
portfolio-role = Mijn rol: { $role } (teruggekeken op { $day })
portfolio-stood = Waar ik stond:
portfolio-field = { $left } { $dots } { $right }
portfolio-field_skipped = { $left } ○○○○○ { $right } (overgeslagen)
portfolio-my_answers = Mijn antwoorden:
portfolio-observer_answers = Feedback van de observator:
