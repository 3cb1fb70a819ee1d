"""Copy for service kinds: gym (with a yoga flavour), salon (barber, spa) and clinic (dental, vet)."""

from __future__ import annotations

from typing import Any

from sitegen.offline.copy_common import it

GYM: dict[str, Any] = {
    "label": "gym", "audience": "Beginners and regulars who want to get stronger", "tone": "bold",
    "fonts": [("Space Grotesk", "Inter"), ("Outfit", "Manrope"), ("Manrope", "Inter")],
    "names": ["Iron Lab", "Forge", "Pulse", "Apex", "Kinetic", "Rise", "Grit", "Momentum", "Atlas",
              "Foundry", "Tempo", "Summit"],
    "name_forms": ["{n} Fitness", "{n} Gym", "{n} Training Club", "{n} Athletics", "{n}"],
    "taglines": ["Stronger every week{in_place}.", "Train smart. Feel unstoppable.",
                 "Coaching for real people with real lives.", "Your strongest year starts here."],
    "descriptions": ["{name} is a coach-led gym{in_place} with strength, conditioning and small-group "
                     "classes for every level."],
    "footer": ["First class free for new members.", "Sweat, community, progress."],
    "home": ["hero", "features", "schedule", "pricing", "stats", "team", "testimonials", "faq", "contact"],
    "multi_pages": ["schedule", "pricing", "about", "contact"],
    "hours": [("Mon – Fri", "6:00 – 22:00"), ("Sat – Sun", "8:00 – 18:00")],
    "socials": ["Instagram", "YouTube", "Strava"],
    "sections": {
        "hero": {
            "eyebrow": ["First class free", "Coach-led training{in_place}", "Open 6 am – 10 pm"],
            "heading": ["Get stronger. Feel better.", "Train with people who care",
                        "Your strongest self starts here", "No egos. Just progress."],
            "sub": ["Small-group classes, expert coaches and a community that shows up for each other. "
                    "Every level welcome: we'll scale every workout to you.",
                    "Strength, conditioning and mobility programmes built by coaches, tracked every week."],
            "cta": [("Book a free class", "#contact"), ("Start your free week", "#pricing")],
            "secondary": [("See the timetable", "#schedule")],
            "items": [it("All levels", "", "Users"), it("Expert coaches", "", "Award")],
        },
        "features": {
            "eyebrow": ["Why train here"], "heading": ["Built for results", "More than a gym"],
            "items": [
                it("Coached classes", "Max 12 people, so your coach actually sees you.", "Users"),
                it("Strength floor", "Racks, platforms, kettlebells and everything in between.", "Dumbbell"),
                it("Progress tracking", "Monthly check-ins and a plan that adapts.", "ChartLine"),
                it("Recovery zone", "Mobility, stretching and a sauna to finish.", "HeartPulse"),
                it("Open early & late", "6 am to 10 pm, so training fits your day.", "Clock"),
            ], "pick": 4,
        },
        "schedule": {
            "eyebrow": ["Timetable"], "heading": ["This week's classes", "Class schedule"],
            "items": [
                it("Strength Foundations", "Barbell basics, coached technique.", "Dumbbell", "Mon · 07:00",
                   "All levels"),
                it("HIIT Express", "30 minutes, all out.", "Flame", "Mon · 12:30", "Intermediate"),
                it("Mobility Flow", "Move better, ache less.", "Activity", "Tue · 18:30", "All levels"),
                it("Boxing Conditioning", "Pads, bags and footwork.", "Target", "Wed · 19:00", "All levels"),
                it("Olympic Lifting", "Snatch and clean & jerk technique.", "Trophy", "Thu · 18:00",
                   "Advanced"),
                it("Saturday Team WOD", "Partner workout, great music, coffee after.", "Users", "Sat · 09:30",
                   "All levels"),
            ], "pick": 5,
        },
        "pricing": {
            "eyebrow": ["Membership"], "heading": ["Membership", "Find your plan"],
            "sub": ["No joining fee. Freeze or cancel with 30 days' notice."],
            "items": [
                it("Drop-in", "Try a class, no commitment.", "", "{cur}18 / class", "Any class",
                   "Shower & towel"),
                it("Unlimited", "Our most popular plan.", "", "{cur}89 / month", "Unlimited classes",
                   "Open gym access", "Monthly check-in", hl=True),
                it("Personal Training", "One-to-one coaching.", "", "{cur}60 / session", "Custom programme",
                   "Nutrition guidance", "Progress reviews"),
            ],
        },
        "stats": {
            "heading": ["Real progress, real numbers"],
            "items": [it("Active members", "", "Users", "650"), it("Classes each week", "", "Calendar", "48"),
                      it("Certified coaches", "", "Award", "12"), it("Member rating", "", "Star", "4.9")],
        },
        "team": {
            "heading": ["Meet the coaches"],
            "items": [it("", "Ex-rower, strength specialist, lover of deadlifts.", "User", "Head Coach"),
                      it("", "Makes mobility fun. Really.", "User", "Mobility Coach"),
                      it("", "Boxing coach and nutrition nerd.", "User", "Conditioning Coach")],
        },
        "testimonials": {
            "heading": ["Member stories"],
            "items": [
                it("", "I was terrified of gyms. Six months later I deadlift my bodyweight and love coming in."),
                it("", "The coaches know my name, my goals and my dodgy knee. Best money I spend each month."),
                it("", "The 7 am crew got me through the hardest year of my life."),
            ], "metas": ["Member since {year}", "Strength Foundations", "Early-morning regular"],
        },
        "faq": {
            "items": [
                it("I'm a complete beginner. Is that OK?", "Absolutely. Most of our members started from zero."),
                it("Do I need to book classes?", "Yes, through the app; cancel up to 2 hours before."),
                it("Is there a contract?", "No. Monthly rolling membership with 30 days' notice."),
            ],
        },
        "cta": {"heading": ["Your first class is on us"], "sub": ["Come try a session. No pressure, no contract."],
                "cta": [("Book a free class", "#contact")]},
        "contact": {"heading": ["Come train with us"], "sub": ["Questions? Message us or drop by the front desk."]},
    },
    "flavours": [
        (r"\b(?:yoga|pilates|barre|meditation)\b", {
            "label": "yoga studio", "tone": "calm", "palette": "yoga",
            "team": {"heading": ["Meet the teachers"], "items": [
                it("", "Vinyasa and yin teacher; 12 years of practice.", "Flower2", "Founder & Teacher"),
                it("", "Reformer Pilates and gentle strength.", "Activity", "Pilates Teacher"),
                it("", "Breathwork, restorative yoga and very good playlists.", "Moon", "Yoga Teacher")]},
            "testimonials": [it("", "The calmest hour of my week. I leave feeling taller and lighter."),
                             it("", "As a total beginner I never felt out of place. The teachers are wonderful."),
                             it("", "Candlelit flow on Fridays is my favourite way to end the week.")],
            "pricing": {"heading": ["Class passes"],
                        "items": [it("New student", "Two weeks unlimited.", "", "{cur}25", "Unlimited classes",
                                     "Mat & props"),
                                  it("Monthly unlimited", "Our most popular pass.", "", "{cur}95 / month",
                                     "Unlimited classes", "10% off workshops", "Guest pass", hl=True),
                                  it("10-class pass", "Valid for 4 months.", "", "{cur}140", "Any class",
                                     "Shareable")]},
            "fonts": [("Fraunces", "DM Sans"), ("Lora", "Manrope")],
            "names": ["Lotus", "Prana", "Stillwater", "Sol", "Bodhi", "Namaste", "Breathe", "Sage"],
            "name_forms": ["{n} Yoga", "{n} Studio", "{n} Yoga & Pilates"],
            "taglines": ["Breathe in. Slow down. Come home to yourself.", "Yoga for every body{in_place}."],
            "hero": {
                "eyebrow": ["Yoga & Pilates{in_place}", "New student offer: 2 weeks for {cur}25"],
                "heading": ["Find your calm", "Move, breathe, rest", "A softer place to land"],
                "sub": ["Small classes in a light-filled studio, led by teachers who meet you where you are. "
                        "Mats, blocks and tea provided."],
                "cta": [("Book your first class", "#schedule")], "secondary": [("New student offer", "#pricing")],
            },
            "schedule": [
                it("Sunrise Vinyasa", "Flowing, energising practice.", "Sun", "Mon · 07:00", "All levels"),
                it("Reformer Pilates", "Core strength on the reformer.", "Activity", "Tue · 12:15", "Beginner"),
                it("Yin & Restore", "Long holds, deep rest.", "Moon", "Wed · 19:30", "All levels"),
                it("Hatha Foundations", "Alignment and breath.", "Flower2", "Thu · 18:00", "Beginner"),
                it("Candlelit Flow", "Slow vinyasa by candlelight.", "Flame", "Fri · 19:00", "All levels"),
                it("Weekend Mat Pilates", "Strong, mindful, fun.", "HeartPulse", "Sat · 10:00",
                   "Intermediate"),
            ],
            "contact": {"heading": ["Come practise with us"], "sub": ["Questions about classes? We're happy to help."]},
            "footer": ["Mats, props and tea provided.", "Breathe in, breathe out."],
            "stats": {"heading": ["Our community"], "items": [
                it("Students", "", "Users", "900"), it("Classes a week", "", "Calendar", "35"),
                it("Teachers", "", "Flower2", "9"), it("Average rating", "", "Star", "4.9")]},
            "features": {"eyebrow": ["Why practise here"], "heading": ["A studio that feels like home"],
                         "pick": None, "items": [
                it("Small classes", "Never more than 14 mats, so teachers can help you.", "Users"),
                it("Every body welcome", "Props, options and zero judgement.", "Heart"),
                it("Experienced teachers", "500-hour trained, with a soft spot for beginners.", "Award"),
                it("Tea after class", "Stay for chai in the garden room.", "CupSoda"),
            ]},
        }),
    ],
}

SALON: dict[str, Any] = {
    "label": "salon", "audience": "Anyone who deserves an hour just for themselves", "tone": "luxury",
    "fonts": [("Playfair Display", "DM Sans"), ("Fraunces", "Inter"), ("Lora", "Outfit")],
    "names": ["Velvet", "Bloom", "Gloss", "Maison Rose", "Linen", "Aura", "Silk & Stone", "Muse", "Halo",
              "Petal", "Noir", "Marigold"],
    "name_forms": ["{n} Salon", "{n} Studio", "{n} Hair & Beauty", "{n}"],
    "taglines": ["Look good, feel better{in_place}.", "Your hour, your way.",
                 "Hair, skin and nails with a personal touch.", "Beauty, unhurried."],
    "descriptions": ["{name} is a hair and beauty salon{in_place} offering cuts, colour, nails and "
                     "treatments in a calm, friendly space."],
    "footer": ["Cruelty-free products only.", "Appointments and walk-ins welcome."],
    "home": ["hero", "services", "features", "gallery", "team", "testimonials", "hours", "contact"],
    "multi_pages": ["services", "gallery", "booking"],
    "hours": [("Tue – Fri", "9:30 – 19:30"), ("Saturday", "9:00 – 17:00"), ("Sun – Mon", "Closed")],
    "socials": ["Instagram", "TikTok", "Pinterest"],
    "sections": {
        "hero": {
            "eyebrow": ["Hair · Colour · Beauty", "Now booking{in_place}", "New clients: 15% off"],
            "heading": ["Leave feeling like yourself, only better", "Beautiful hair, made for you",
                        "Your time to shine", "Relax. You're in good hands."],
            "sub": ["Precision cuts, lived-in colour and treatments that feel as good as they look, in a calm, "
                    "light-filled studio.",
                    "Expert stylists, a real consultation and a cup of something warm while you wait."],
            "cta": [("Book an appointment", "#contact"), ("Book now", "#contact")],
            "secondary": [("View services", "#services")],
        },
        "services": {
            "eyebrow": ["Services & prices"], "heading": ["Our services", "The menu"],
            "items": [
                it("Cut & Finish", "Consultation, wash, precision cut and blow-dry.", "Scissors", "from {cur}55"),
                it("Balayage", "Hand-painted, lived-in colour with gloss and toner.", "Palette", "from {cur}140",
                   hl=True),
                it("Root Colour", "Full coverage with a nourishing treatment.", "Paintbrush", "from {cur}70"),
                it("Blow-dry", "Smooth, bouncy or beachy: your call.", "Wind", "{cur}35"),
                it("Gel Manicure", "Shaping, cuticle care and long-wear gel.", "Sparkles", "{cur}38"),
                it("Signature Facial", "Cleanse, exfoliate, mask and massage; 60 minutes.", "Flower2", "{cur}85"),
                it("Brow Lamination", "Fuller, fluffier brows for six weeks.", "Eye", "{cur}45"),
            ], "pick": 6,
        },
        "features": {
            "eyebrow": ["The {name} way"], "heading": ["Why clients stay"],
            "items": [it("Real consultations", "We listen first, then cut.", "MessageCircle"),
                      it("Kind products", "Vegan, cruelty-free and low-tox.", "Leaf"),
                      it("Senior stylists", "Every stylist has 8+ years behind the chair.", "Award"),
                      it("Time for you", "No double-booking, ever.", "Clock")],
        },
        "gallery": {
            "heading": ["Recent work", "Fresh from the chair"],
            "items": [it("Honey balayage", "", "Sparkles"), it("Soft bob", "", "Scissors"),
                      it("Copper glow", "", "Palette"), it("Bridal styling", "", "Heart")],
        },
        "team": {
            "heading": ["Meet the stylists"],
            "items": [it("", "Colour specialist and balayage queen.", "User", "Creative Director"),
                      it("", "Precision cuts and curly-hair expert.", "User", "Senior Stylist"),
                      it("", "Nails, brows and the best facials in town.", "User", "Beauty Therapist")],
        },
        "testimonials": {
            "heading": ["Client love"],
            "items": [it("", "Finally someone who understands curly hair. I left grinning."),
                      it("", "The most relaxing two hours of my month. My colour has never looked better."),
                      it("", "Warm welcome, great coffee, perfect cut. Booked my next one before I left.")],
            "metas": ["Client since {year}", "Balayage client", "Google review"],
        },
        "cta": {"heading": ["Treat yourself"], "sub": ["New clients get 15% off their first visit."],
                "cta": [("Book now", "#contact")]},
        "contact": {"heading": ["Book your visit"], "sub": ["Book by phone or email; we'll confirm within a few "
                                                             "hours."]},
    },
    "flavours": [
        (r"\b(?:barber|barbers|barbershop|barber shop|beard|fade)\b", {
            "label": "barbershop", "tone": "bold", "palette": "barber",
            "gallery": [it("Skin fade", "", "Scissors"), it("Beard sculpt", "", "Sparkles"),
                        it("Hot towel shave", "", "Flame"), it("Saturday queue", "", "Users")],
            "team": {"heading": ["Meet the barbers"], "items": [
                it("", "Fades, tapers and twenty years behind the chair.", "Scissors", "Owner & Barber"),
                it("", "Beard specialist; hot-towel shaves are his thing.", "Scissors", "Senior Barber"),
                it("", "Classic scissor cuts and good conversation.", "Scissors", "Barber")]},
            "testimonials": [it("", "Best fade in the neighbourhood, and they never rush it."),
                             it("", "Came in for a trim, left with a new favourite barber."),
                             it("", "Hot towel shave was pure luxury. Booked again on the way out.")],
            "features": [it("Walk-ins welcome", "Or book ahead to skip the queue.", "Clock"),
                         it("Master barbers", "Every barber has 8+ years of experience.", "Award"),
                         it("A proper shave", "Hot towels, straight razors, no rush.", "Flame"),
                         it("Cold drinks", "Coffee, soda or a beer while you wait.", "Beer")],
            "fonts": [("Space Grotesk", "Inter"), ("Playfair Display", "Inter")],
            "names": ["Sharp", "Blade & Co", "Gentlemen's", "Old Town", "Razor", "Chop Shop", "Dapper"],
            "name_forms": ["{n} Barbers", "{n} Barbershop", "{n}"],
            "taglines": ["Sharp cuts. Cold drinks. Good chat.", "Classic barbering{in_place}."],
            "hero": {"eyebrow": ["Walk-ins welcome"],
                     "heading": ["Sharp cuts, no fuss", "Look sharp. Feel sharper.", "The classic cut, done right"],
                     "sub": ["Skin fades, scissor cuts and hot-towel shaves from barbers who take their time."],
                     "cta": [("Book a chair", "#contact")], "secondary": [("Prices", "#services")]},
            "services": [
                it("Classic Cut", "Scissor or clipper cut, wash and style.", "Scissors", "{cur}28"),
                it("Skin Fade", "Sharp fade, finished with a straight razor.", "Scissors", "{cur}32", hl=True),
                it("Beard Trim", "Shape, line-up and beard oil.", "Sparkles", "{cur}18"),
                it("Hot Towel Shave", "Traditional straight-razor shave.", "Flame", "{cur}35"),
                it("Cut & Beard", "The full works.", "Award", "{cur}45"),
                it("Kids' Cut", "Under 12s.", "Smile", "{cur}18"),
            ],
        }),
        (r"\b(?:spa|day spa|massage|wellness|facials?)\b", {
            "label": "day spa", "tone": "calm", "palette": "spa",
            "taglines": ["Breathe out. You're here now.", "Massage, facials and calm{in_place}."],
            "descriptions": ["{name} is a day spa{in_place} for massage, facials and body treatments in a "
                             "calm, unhurried space."],
            "gallery": {"heading": ["Inside the spa"], "items": [
                it("The relaxation room", "", "Flower2"), it("Hot stones", "", "Flame"),
                it("Tea after", "", "CupSoda"), it("Treatment suite", "", "Sparkles")]},
            "team": {"heading": ["Meet the therapists"], "items": [
                it("", "Deep tissue and sports massage specialist.", "HandHeart", "Lead Therapist"),
                it("", "Facials, skin health and gentle rituals.", "Flower2", "Skin Therapist"),
                it("", "Hot stones, reflexology and calm hands.", "Sparkles", "Massage Therapist")]},
            "features": {"heading": ["Why guests return"], "pick": None, "items": [
                it("Unhurried treatments", "Fifteen quiet minutes before and after, always.", "Clock"),
                it("Natural oils", "Organic, unscented options for sensitive skin.", "Leaf"),
                it("Qualified therapists", "Every therapist is fully certified and insured.", "Award"),
                it("Gift vouchers", "Give someone an afternoon off.", "Gift")]},
            "names": ["Serenity", "Still", "Driftwood", "Eucalyptus", "Haven", "Tide"],
            "name_forms": ["{n} Spa", "{n} Day Spa", "{n} Wellness"],
            "hero": {"heading": ["Time to slow down", "Breathe out. You're here now.", "Your calm escape"],
                     "sub": ["Massage, facials and rituals designed to switch off your busy mind."],
                     "cta": [("Book a treatment", "#contact")], "secondary": [("Treatments", "#services")]},
            "services": [
                it("Deep Tissue Massage", "60 minutes of focused muscle work.", "HandHeart", "{cur}90", hl=True),
                it("Hot Stone Ritual", "Warm basalt stones and aromatherapy oils; 75 minutes.", "Flame",
                   "{cur}110"),
                it("Signature Facial", "Tailored to your skin, with lymphatic massage.", "Flower2", "{cur}95"),
                it("Couples Retreat", "Side-by-side massage, sauna and tea.", "Heart", "{cur}220"),
                it("Body Scrub & Wrap", "Sea salt exfoliation and nourishing wrap.", "Droplets", "{cur}85"),
            ],
        }),
    ],
}

CLINIC: dict[str, Any] = {
    "label": "clinic", "audience": "Patients and families", "tone": "professional",
    "fonts": [("Manrope", "Inter"), ("DM Sans", "DM Sans"), ("Outfit", "Inter")],
    "names": ["Clearwater", "Willow", "Evergreen", "Brightside", "Harbour", "Northgate", "Riverside", "Cedar",
              "Meadow", "Kindred", "Beacon", "Oakwood"],
    "name_forms": ["{n} Clinic", "{n} Health", "{n} Medical Centre", "{n} Family Practice"],
    "taglines": ["Care that listens{in_place}.", "Modern medicine, human touch.",
                 "Same-week appointments, unhurried care.", "Your health, in good hands."],
    "descriptions": ["{name} is a modern clinic{in_place} offering same-week appointments, preventive care "
                     "and specialists who take time to listen."],
    "footer": ["In an emergency, always call your local emergency number.", "Registered healthcare provider."],
    "home": ["hero", "services", "features", "team", "process", "testimonials", "faq", "hours", "contact"],
    "multi_pages": ["services", "team", "booking"],
    "hours": [("Mon – Fri", "8:00 – 19:00"), ("Saturday", "9:00 – 13:00"), ("Sunday", "Closed")],
    "socials": ["Facebook", "Instagram"],
    "sections": {
        "hero": {
            "eyebrow": ["Accepting new patients", "Same-week appointments{in_place}"],
            "heading": ["Care that takes the time to listen", "Healthcare that feels human",
                        "Your health, in good hands", "Modern care for the whole family"],
            "sub": ["Experienced clinicians, unhurried appointments and a team that follows up. Book online "
                    "in under a minute.",
                    "From check-ups to specialist care, we make it easy to feel better and stay well."],
            "cta": [("Book an appointment", "#contact")], "secondary": [("Our services", "#services")],
            "items": [it("Most insurers accepted", "", "ShieldCheck"), it("Evening appointments", "", "Clock")],
        },
        "services": {
            "eyebrow": ["Services"], "heading": ["How we can help", "Our services"],
            "items": [
                it("General consultations", "Unhurried 20-minute appointments.", "Stethoscope"),
                it("Health check-ups", "Preventive screening and blood tests.", "HeartPulse"),
                it("Vaccinations", "Travel, flu and routine immunisations.", "Syringe"),
                it("Women's health", "Contraception, smear tests and menopause support.", "Heart"),
                it("Children's health", "Check-ups and care from newborns to teens.", "Baby"),
                it("Physiotherapy", "Assessment and rehab for pain and injury.", "Activity"),
            ], "pick": 6,
        },
        "features": {
            "eyebrow": ["Why {name}"], "heading": ["Care, without the waiting room"],
            "items": [it("Same-week appointments", "Most patients are seen within 3 days.", "CalendarCheck"),
                      it("Online booking", "Book, reschedule and get results online.", "Smartphone"),
                      it("Experienced team", "Board-certified doctors and specialist nurses.", "BadgeCheck"),
                      it("Accessible clinic", "Step-free access, parking and a quiet room.", "Accessibility")],
        },
        "team": {
            "heading": ["Meet our clinicians"],
            "items": [it("", "Family medicine, 15 years' experience.", "Stethoscope", "Lead Physician"),
                      it("", "Preventive care and chronic conditions.", "Stethoscope", "General Practitioner"),
                      it("", "Vaccinations, screening and wound care.", "HeartPulse", "Practice Nurse")],
        },
        "process": {
            "heading": ["Your first visit"],
            "items": [it("Book online or call", "Choose a time that suits you.", "Calendar", "01"),
                      it("Meet your clinician", "We listen, examine and explain.", "Stethoscope", "02"),
                      it("Follow-up & results", "Results and next steps, sent securely.", "ClipboardCheck",
                         "03")],
        },
        "testimonials": {
            "heading": ["What patients say"],
            "items": [it("", "For the first time I didn't feel rushed. The doctor actually listened."),
                      it("", "Booked on Monday, seen on Tuesday, results by Friday. Brilliant."),
                      it("", "Wonderful with my kids. They even look forward to check-ups now.")],
            "metas": ["Patient since {year}", "Google review", "Parent of two"],
        },
        "faq": {
            "items": [
                it("Are you taking new patients?", "Yes. Register online or at reception with a photo ID."),
                it("Do you accept insurance?", "We work with most major insurers; call us to check yours."),
                it("What if I need urgent care?", "Call us first thing for same-day slots. In an emergency, "
                   "call your local emergency number."),
            ],
        },
        "cta": {"heading": ["Ready to book?"], "sub": ["Most appointments available within 3 days."],
                "cta": [("Book an appointment", "#contact")]},
        "contact": {"heading": ["Book an appointment", "Contact the clinic"],
                    "sub": ["Call, email or visit reception. We reply to messages the same working day."]},
    },
    "flavours": [
        (r"\b(?:dentist|dental|orthodontist|teeth|orthodontics)\b", {
            "label": "dental practice",
            "name_forms": ["{n} Dental", "{n} Dental Studio", "{n} Dentistry"],
            "hero": {"heading": ["A dentist you'll actually look forward to", "Healthy smiles, gentle care",
                                 "Brighter smiles start here"],
                     "sub": ["Gentle check-ups, hygienist visits and cosmetic treatments, with nervous patients "
                             "always welcome."],
                     "cta": [("Book a check-up", "#contact")], "secondary": [("Treatments", "#services")]},
            "services": [
                it("Check-up & clean", "Exam, X-rays if needed, scale and polish.", "Smile", "from {cur}65"),
                it("Hygienist", "A deep clean for healthier gums.", "Sparkles", "{cur}75"),
                it("Teeth whitening", "Professional, safe, at home or in the chair.", "Star", "from {cur}250"),
                it("Invisible aligners", "Straighter teeth without metal braces.", "Smile", "from {cur}2,400",
                   hl=True),
                it("Fillings & crowns", "Tooth-coloured and long-lasting.", "ShieldCheck", "from {cur}90"),
                it("Emergency dentist", "Same-day appointments for pain.", "Clock", "{cur}80"),
            ],
        }),
        (r"\b(?:vet|veterinary|veterinarian|pets?|animal hospital)\b", {
            "label": "veterinary clinic",
            "name_forms": ["{n} Vets", "{n} Veterinary Clinic", "{n} Animal Hospital"],
            "hero": {"heading": ["Gentle care for the animals you love", "Your pet's second family"],
                     "sub": ["Vaccinations, check-ups, dentistry and surgery from vets who love what they do."],
                     "cta": [("Book a visit", "#contact")], "secondary": [("Services", "#services")]},
            "services": [
                it("Wellness check", "Nose-to-tail exam and a chat about diet.", "Stethoscope", "{cur}55"),
                it("Vaccinations", "Core and lifestyle vaccines for dogs and cats.", "Syringe", "from {cur}45"),
                it("Dental care", "Scale, polish and extractions under anaesthetic.", "Sparkles", "from {cur}180"),
                it("Neutering", "Day surgery with pain relief and aftercare.", "HeartPulse", "from {cur}150"),
                it("Puppy & kitten plan", "All first-year care in one monthly plan.", "PawPrint",
                   "{cur}15 / month", hl=True),
            ],
        }),
    ],
}

KINDS: dict[str, dict[str, Any]] = {"gym": GYM, "salon": SALON, "clinic": CLINIC}
