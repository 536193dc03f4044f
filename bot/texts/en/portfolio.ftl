## /portfolio: the coach's own log as a PDF, for the student to hand to a teacher if they want

portfolio-not_coach = Your portfolio fills up once you coach someone yourself. Then /portfolio makes a PDF of your own coach log.
portfolio-empty = There's nothing in your portfolio yet. After each conversation in which you coach, you can take a moment to look back; that goes in here. 🪞
portfolio-caption = 📄 <b>Your coach portfolio</b>
    Only you get this file. You decide whether to hand it to your teacher. What your coachees wrote is not in it.
portfolio-filename = coach-portfolio.pdf
portfolio-title = Coach portfolio of { $name }
portfolio-made = Made on { $day } with PeerCoach
portfolio-about = This is my own log as a peer coach: the role I took in each conversation, where I stood, what I thought about it and the feedback an observer gave me. What my coachees wrote (their goal, their steps, their notes and the words of their compliments) belongs to them and is not in here.
portfolio-summary_head = In short
portfolio-summary = { $trajectories ->
        [one] 1 trajectory as a coach
       *[other] { $trajectories } trajectories as a coach
    } · { $conversations ->
        [one] 1 conversation held
       *[other] { $conversations } conversations held
    } · { $closings ->
        [one] 1 trajectory closed together
       *[other] { $closings } trajectories closed together
    } · { $compliments ->
        [one] 1 compliment received
       *[other] { $compliments } compliments received
    }
portfolio-trajectory = Trajectory { $number } ({ $held ->
        [one] 1 conversation
       *[other] { $held } conversations
    })
portfolio-trajectory_closed = Trajectory { $number } ({ $held ->
        [one] 1 conversation
       *[other] { $held } conversations
    }, closed together)
portfolio-nothing_yet = No conversations to look back on yet.
portfolio-conversation = Conversation { $number }
portfolio-no_reflection = I haven't looked back on this conversation (yet).
portfolio-role = My role: { $role } (looked back on { $day })
portfolio-stood = Where I stood:
portfolio-field = { $left } { $dots } { $right }
portfolio-field_skipped = { $left } ○○○○○ { $right } (skipped)
portfolio-my_answers = My answers:
portfolio-observer_answers = Feedback from the observer:
