import { derivedPrice } from './movie-price';
import type { MovieRecord } from './imdb-csv';

type DemoMovie = Omit<MovieRecord, 'price'>;

/**
 * The demo catalog `npm run seed` puts into an empty catalog: well-known films with their public
 * facts (year, running time, certification, genres, directors, leading cast) and descriptions
 * written for this project. IMDb ratings, vote counts, Metacritic scores and US box-office
 * grosses are rounded snapshots; `null` where there is no reliable figure. Both versions of
 * "Scarface" are here on purpose: remakes share titles (CONTRACT.md B16).
 */
const DEMO_MOVIES: DemoMovie[] = [
  {
    name: 'The Shawshank Redemption', year: 1994, time: 142, imdb: 9.3, votes: 2_900_000, meta_score: 82, gross: 28_300_000,
    certification: 'R', genres: ['Drama'], directors: ['Frank Darabont'], stars: ['Tim Robbins', 'Morgan Freeman', 'Bob Gunton'],
    description: 'A banker sentenced to life for murders he did not commit spends two decades in a Maine prison, quietly building a friendship and a way out.',
  },
  {
    name: 'The Godfather', year: 1972, time: 175, imdb: 9.2, votes: 2_000_000, meta_score: 100, gross: 135_000_000,
    certification: 'R', genres: ['Crime', 'Drama'], directors: ['Francis Ford Coppola'], stars: ['Marlon Brando', 'Al Pacino', 'James Caan'],
    description: 'The ageing head of a New York crime family watches his youngest son, the one who wanted no part of the business, become its ruthless heir.',
  },
  {
    name: 'The Dark Knight', year: 2008, time: 152, imdb: 9.0, votes: 2_900_000, meta_score: 84, gross: 534_900_000,
    certification: 'PG-13', genres: ['Action', 'Crime', 'Drama'], directors: ['Christopher Nolan'], stars: ['Christian Bale', 'Heath Ledger', 'Aaron Eckhart'],
    description: 'Batman, a crusading district attorney and an honest cop try to hold Gotham together while an anarchist in clown make-up sets out to prove that anyone can be broken.',
  },
  {
    name: 'The Godfather Part II', year: 1974, time: 202, imdb: 9.0, votes: 1_350_000, meta_score: 90, gross: 47_600_000,
    certification: 'R', genres: ['Crime', 'Drama'], directors: ['Francis Ford Coppola'], stars: ['Al Pacino', 'Robert De Niro', 'Robert Duvall'],
    description: 'Two stories run side by side: young Vito Corleone rising in 1920s New York, and his son Michael tightening his grip on the family decades later, at a terrible price.',
  },
  {
    name: '12 Angry Men', year: 1957, time: 96, imdb: 9.0, votes: 900_000, meta_score: 97, gross: null,
    certification: 'Approved', genres: ['Crime', 'Drama'], directors: ['Sidney Lumet'], stars: ['Henry Fonda', 'Lee J. Cobb', 'Martin Balsam'],
    description: 'One juror refuses to rubber-stamp a guilty verdict in a murder trial, and over a long, sweltering afternoon the other eleven have to rethink what they were sure of.',
  },
  {
    name: "Schindler's List", year: 1993, time: 195, imdb: 9.0, votes: 1_450_000, meta_score: 95, gross: 96_900_000,
    certification: 'R', genres: ['Biography', 'Drama', 'History'], directors: ['Steven Spielberg'], stars: ['Liam Neeson', 'Ralph Fiennes', 'Ben Kingsley'],
    description: 'A German industrialist who came to occupied Poland to profit from the war ends up spending his fortune to save more than a thousand Jewish workers.',
  },
  {
    name: 'The Lord of the Rings: The Return of the King', year: 2003, time: 201, imdb: 9.0, votes: 2_000_000, meta_score: 94, gross: 377_800_000,
    certification: 'PG-13', genres: ['Adventure', 'Drama', 'Fantasy'], directors: ['Peter Jackson'], stars: ['Elijah Wood', 'Viggo Mortensen', 'Ian McKellen'],
    description: 'While Frodo and Sam drag themselves toward Mount Doom, Aragorn rallies the free peoples for a last stand before the gates of Mordor.',
  },
  {
    name: 'Pulp Fiction', year: 1994, time: 154, imdb: 8.9, votes: 2_200_000, meta_score: 95, gross: 107_900_000,
    certification: 'R', genres: ['Crime', 'Drama'], directors: ['Quentin Tarantino'], stars: ['John Travolta', 'Uma Thurman', 'Samuel L. Jackson'],
    description: "Two talkative hitmen, a boxer who won't throw a fight, a gangster's wife and a pair of diner robbers cross paths in a Los Angeles told out of order.",
  },
  {
    name: 'The Good, the Bad and the Ugly', year: 1966, time: 178, imdb: 8.8, votes: 800_000, meta_score: 90, gross: 6_100_000,
    certification: 'R', genres: ['Adventure', 'Western'], directors: ['Sergio Leone'], stars: ['Clint Eastwood', 'Eli Wallach', 'Lee Van Cleef'],
    description: 'Three gunmen who trust nobody race one another across the Civil War frontier toward a fortune in gold buried in a cemetery.',
  },
  {
    name: 'Fight Club', year: 1999, time: 139, imdb: 8.8, votes: 2_300_000, meta_score: 67, gross: 37_000_000,
    certification: 'R', genres: ['Drama'], directors: ['David Fincher'], stars: ['Brad Pitt', 'Edward Norton', 'Helena Bonham Carter'],
    description: 'An insomniac office worker and a reckless soap salesman start an underground fighting club that grows into something far more dangerous.',
  },
  {
    name: 'Forrest Gump', year: 1994, time: 142, imdb: 8.8, votes: 2_200_000, meta_score: 82, gross: 330_300_000,
    certification: 'PG-13', genres: ['Drama', 'Romance'], directors: ['Robert Zemeckis'], stars: ['Tom Hanks', 'Robin Wright', 'Gary Sinise'],
    description: 'A kind-hearted Alabama man with a simple view of the world drifts through three decades of American history without ever forgetting his childhood sweetheart.',
  },
  {
    name: 'Inception', year: 2010, time: 148, imdb: 8.8, votes: 2_600_000, meta_score: 74, gross: 292_600_000,
    certification: 'PG-13', genres: ['Action', 'Adventure', 'Sci-Fi'], directors: ['Christopher Nolan'], stars: ['Leonardo DiCaprio', 'Joseph Gordon-Levitt', 'Elliot Page'],
    description: "A thief who steals secrets from people's dreams is offered a clean slate if he can do the opposite: plant an idea deep in a stranger's mind.",
  },
  {
    name: 'The Matrix', year: 1999, time: 136, imdb: 8.7, votes: 2_100_000, meta_score: 73, gross: 171_500_000,
    certification: 'R', genres: ['Action', 'Sci-Fi'], directors: ['Lana Wachowski', 'Lilly Wachowski'], stars: ['Keanu Reeves', 'Laurence Fishburne', 'Carrie-Anne Moss'],
    description: 'A hacker learns that the ordinary world around him is a simulation run by machines, and joins the rebels fighting to wake humanity up.',
  },
  {
    name: 'Goodfellas', year: 1990, time: 145, imdb: 8.7, votes: 1_250_000, meta_score: 92, gross: 46_800_000,
    certification: 'R', genres: ['Biography', 'Crime', 'Drama'], directors: ['Martin Scorsese'], stars: ['Robert De Niro', 'Ray Liotta', 'Joe Pesci'],
    description: "From errand boy to made man and finally informant, Henry Hill's life inside the New York mob is glamorous right up until it is not.",
  },
  {
    name: 'Star Wars: Episode V - The Empire Strikes Back', year: 1980, time: 124, imdb: 8.7, votes: 1_350_000, meta_score: 82, gross: 290_500_000,
    certification: 'PG', genres: ['Action', 'Adventure', 'Fantasy'], directors: ['Irvin Kershner'], stars: ['Mark Hamill', 'Harrison Ford', 'Carrie Fisher'],
    description: 'With the rebels scattered after a defeat on an ice planet, Luke trains with a strange old master while his friends are hunted across the galaxy.',
  },
  {
    name: "One Flew Over the Cuckoo's Nest", year: 1975, time: 133, imdb: 8.7, votes: 1_050_000, meta_score: 84, gross: 112_000_000,
    certification: 'R', genres: ['Drama'], directors: ['Milos Forman'], stars: ['Jack Nicholson', 'Louise Fletcher', 'Will Sampson'],
    description: 'A charming convict who fakes madness to dodge hard labour finds the psychiatric ward run by a nurse more rigid than any prison.',
  },
  {
    name: 'Interstellar', year: 2014, time: 169, imdb: 8.7, votes: 2_200_000, meta_score: 74, gross: 188_000_000,
    certification: 'PG-13', genres: ['Adventure', 'Drama', 'Sci-Fi'], directors: ['Christopher Nolan'], stars: ['Matthew McConaughey', 'Anne Hathaway', 'Jessica Chastain'],
    description: 'With crops failing on Earth, a former pilot leaves his children to lead a mission through a wormhole in search of a planet humanity could move to.',
  },
  {
    name: 'Seven Samurai', year: 1954, time: 207, imdb: 8.6, votes: 370_000, meta_score: 98, gross: null,
    certification: 'Not Rated', genres: ['Action', 'Drama'], directors: ['Akira Kurosawa'], stars: ['Toshiro Mifune', 'Takashi Shimura', 'Keiko Tsushima'],
    description: 'Farmers tired of being raided by bandits hire seven masterless samurai, who teach the village to fight before the riders return.',
  },
  {
    name: 'Spirited Away', year: 2001, time: 125, imdb: 8.6, votes: 900_000, meta_score: 96, gross: 10_100_000,
    certification: 'PG', genres: ['Animation', 'Adventure', 'Family'], directors: ['Hayao Miyazaki'], stars: ['Rumi Hiiragi', 'Miyu Irino', 'Mari Natsuki'],
    description: 'A sulky ten-year-old stumbles into a world of spirits and must work in a bathhouse for the gods to free her parents, who have been turned into pigs.',
  },
  {
    name: 'Saving Private Ryan', year: 1998, time: 169, imdb: 8.6, votes: 1_500_000, meta_score: 91, gross: 216_500_000,
    certification: 'R', genres: ['Drama', 'War'], directors: ['Steven Spielberg'], stars: ['Tom Hanks', 'Matt Damon', 'Tom Sizemore'],
    description: 'After the Normandy landings, an exhausted squad is sent behind enemy lines to bring home one paratrooper whose three brothers have been killed.',
  },
  {
    name: 'The Silence of the Lambs', year: 1991, time: 118, imdb: 8.6, votes: 1_550_000, meta_score: 86, gross: 130_700_000,
    certification: 'R', genres: ['Crime', 'Drama', 'Thriller'], directors: ['Jonathan Demme'], stars: ['Jodie Foster', 'Anthony Hopkins', 'Scott Glenn'],
    description: 'A trainee FBI agent trades personal memories for clues from an imprisoned cannibal psychiatrist to catch a killer who is still at large.',
  },
  {
    name: 'City of God', year: 2002, time: 130, imdb: 8.6, votes: 800_000, meta_score: 79, gross: 7_600_000,
    certification: 'R', genres: ['Crime', 'Drama'], directors: ['Fernando Meirelles', 'Kátia Lund'], stars: ['Alexandre Rodrigues', 'Leandro Firmino', 'Matheus Nachtergaele'],
    description: 'In a Rio de Janeiro housing project, a shy boy with a camera watches his childhood friends grow into the gangsters who run the streets.',
  },
  {
    name: 'Parasite', year: 2019, time: 132, imdb: 8.5, votes: 1_000_000, meta_score: 96, gross: 53_400_000,
    certification: 'R', genres: ['Drama', 'Thriller'], directors: ['Bong Joon Ho'], stars: ['Song Kang-ho', 'Lee Sun-kyun', 'Cho Yeo-jeong'],
    description: 'A struggling family talks its way, one member at a time, into jobs with a wealthy household, until a secret in the basement upsets the scheme.',
  },
  {
    name: 'Back to the Future', year: 1985, time: 116, imdb: 8.5, votes: 1_300_000, meta_score: 87, gross: 210_600_000,
    certification: 'PG', genres: ['Adventure', 'Comedy', 'Sci-Fi'], directors: ['Robert Zemeckis'], stars: ['Michael J. Fox', 'Christopher Lloyd', 'Lea Thompson'],
    description: 'A teenager is sent thirty years into the past in a plutonium-powered DeLorean and has to make sure his parents still fall in love.',
  },
  {
    name: 'Gladiator', year: 2000, time: 155, imdb: 8.5, votes: 1_600_000, meta_score: 67, gross: 187_700_000,
    certification: 'R', genres: ['Action', 'Adventure', 'Drama'], directors: ['Ridley Scott'], stars: ['Russell Crowe', 'Joaquin Phoenix', 'Connie Nielsen'],
    description: "A Roman general betrayed by the emperor's son is sold into slavery and fights his way through the arenas back to Rome for revenge.",
  },
  {
    name: 'The Lion King', year: 1994, time: 88, imdb: 8.5, votes: 1_100_000, meta_score: 88, gross: 422_800_000,
    certification: 'G', genres: ['Animation', 'Adventure', 'Drama'], directors: ['Roger Allers', 'Rob Minkoff'], stars: ['Matthew Broderick', 'Jeremy Irons', 'James Earl Jones'],
    description: "A lion cub who blames himself for his father's death runs away from the Pride Lands and must return as an adult to face his uncle.",
  },
  {
    name: 'Alien', year: 1979, time: 117, imdb: 8.5, votes: 950_000, meta_score: 89, gross: 78_900_000,
    certification: 'R', genres: ['Horror', 'Sci-Fi'], directors: ['Ridley Scott'], stars: ['Sigourney Weaver', 'Tom Skerritt', 'John Hurt'],
    description: 'The crew of a commercial towing ship answers a distress signal and brings aboard a creature that hunts them through the dark corridors.',
  },
  {
    name: 'Psycho', year: 1960, time: 109, imdb: 8.5, votes: 700_000, meta_score: 97, gross: 32_000_000,
    certification: 'R', genres: ['Horror', 'Mystery', 'Thriller'], directors: ['Alfred Hitchcock'], stars: ['Anthony Perkins', 'Janet Leigh', 'Vera Miles'],
    description: 'A secretary on the run with stolen money checks into a quiet roadside motel kept by a polite young man devoted to his mother.',
  },
  {
    name: 'Casablanca', year: 1942, time: 102, imdb: 8.5, votes: 600_000, meta_score: 100, gross: null,
    certification: 'PG', genres: ['Drama', 'Romance', 'War'], directors: ['Michael Curtiz'], stars: ['Humphrey Bogart', 'Ingrid Bergman', 'Paul Henreid'],
    description: 'In wartime Morocco, a cynical nightclub owner holds the papers that could get his former lover and her resistance-leader husband to safety.',
  },
  {
    name: 'Whiplash', year: 2014, time: 106, imdb: 8.5, votes: 950_000, meta_score: 89, gross: 13_100_000,
    certification: 'R', genres: ['Drama', 'Music'], directors: ['Damien Chazelle'], stars: ['Miles Teller', 'J.K. Simmons', 'Melissa Benoist'],
    description: 'A young jazz drummer at an elite conservatory is pushed to the edge by a teacher who believes cruelty is the only road to greatness.',
  },
  {
    name: 'The Prestige', year: 2006, time: 130, imdb: 8.5, votes: 1_400_000, meta_score: 66, gross: 53_100_000,
    certification: 'PG-13', genres: ['Drama', 'Mystery', 'Sci-Fi'], directors: ['Christopher Nolan'], stars: ['Christian Bale', 'Hugh Jackman', 'Scarlett Johansson'],
    description: "Two stage magicians in Victorian London turn a professional rivalry into an obsession, each risking everything to steal the other's best trick.",
  },
  {
    name: 'Spider-Man: Into the Spider-Verse', year: 2018, time: 117, imdb: 8.4, votes: 650_000, meta_score: 87, gross: 190_200_000,
    certification: 'PG', genres: ['Animation', 'Action', 'Adventure'], directors: ['Bob Persichetti', 'Peter Ramsey', 'Rodney Rothman'], stars: ['Shameik Moore', 'Jake Johnson', 'Hailee Steinfeld'],
    description: 'Brooklyn teenager Miles Morales gains spider powers just as a particle collider opens the door to other dimensions and their own Spider-People.',
  },
  {
    name: 'WALL·E', year: 2008, time: 98, imdb: 8.4, votes: 1_200_000, meta_score: 95, gross: 223_800_000,
    certification: 'G', genres: ['Animation', 'Adventure', 'Family'], directors: ['Andrew Stanton'], stars: ['Ben Burtt', 'Elissa Knight', 'Jeff Garlin'],
    description: 'Left alone to clean up an abandoned Earth, a small trash-compacting robot follows a sleek probe back to the starship where humanity has gone soft.',
  },
  {
    name: 'Amélie', year: 2001, time: 122, imdb: 8.3, votes: 800_000, meta_score: 69, gross: 33_200_000,
    certification: 'R', genres: ['Comedy', 'Romance'], directors: ['Jean-Pierre Jeunet'], stars: ['Audrey Tautou', 'Mathieu Kassovitz', 'Rufus'],
    description: 'A shy waitress in Montmartre sets out to quietly improve the lives of the people around her, but struggles to do the same for her own.',
  },
  {
    name: 'Toy Story', year: 1995, time: 81, imdb: 8.3, votes: 1_050_000, meta_score: 96, gross: 191_800_000,
    certification: 'G', genres: ['Animation', 'Adventure', 'Comedy'], directors: ['John Lasseter'], stars: ['Tom Hanks', 'Tim Allen', 'Don Rickles'],
    description: "A cowboy doll who has always been his owner's favourite feels threatened when a flashy space-ranger action figure arrives for a birthday.",
  },
  {
    name: 'Coco', year: 2017, time: 105, imdb: 8.4, votes: 600_000, meta_score: 81, gross: 209_700_000,
    certification: 'PG', genres: ['Animation', 'Adventure', 'Family'], directors: ['Lee Unkrich', 'Adrian Molina'], stars: ['Anthony Gonzalez', 'Gael García Bernal', 'Benjamin Bratt'],
    description: 'A boy who dreams of music, in a family that has banned it, crosses into the Land of the Dead on the Day of the Dead to find his great-great-grandfather.',
  },
  {
    name: 'Up', year: 2009, time: 96, imdb: 8.3, votes: 1_100_000, meta_score: 88, gross: 293_000_000,
    certification: 'PG', genres: ['Animation', 'Adventure', 'Comedy'], directors: ['Pete Docter'], stars: ['Ed Asner', 'Jordan Nagai', 'Christopher Plummer'],
    description: 'A grumpy widower ties thousands of balloons to his house to fly it to South America, not realising that a young scout is standing on the porch.',
  },
  {
    name: 'Mad Max: Fury Road', year: 2015, time: 120, imdb: 8.1, votes: 1_100_000, meta_score: 90, gross: 154_100_000,
    certification: 'R', genres: ['Action', 'Adventure', 'Sci-Fi'], directors: ['George Miller'], stars: ['Tom Hardy', 'Charlize Theron', 'Nicholas Hoult'],
    description: "In a desert ruled by a warlord who controls the water, a rebel driver smuggles his captive wives out in a war rig, with a drifter along for the ride.",
  },
  {
    name: 'Blade Runner', year: 1982, time: 117, imdb: 8.1, votes: 820_000, meta_score: 84, gross: 32_900_000,
    certification: 'R', genres: ['Action', 'Drama', 'Sci-Fi'], directors: ['Ridley Scott'], stars: ['Harrison Ford', 'Rutger Hauer', 'Sean Young'],
    description: 'In a rain-soaked future Los Angeles, a weary detective is ordered to track down four artificial humans who have come back to Earth to meet their maker.',
  },
  {
    name: 'Jaws', year: 1975, time: 124, imdb: 8.1, votes: 650_000, meta_score: 87, gross: 260_000_000,
    certification: 'PG', genres: ['Adventure', 'Thriller'], directors: ['Steven Spielberg'], stars: ['Roy Scheider', 'Robert Shaw', 'Richard Dreyfuss'],
    description: 'When a great white shark starts attacking swimmers off a New England resort town, the police chief, a scientist and a grizzled fisherman go out to hunt it.',
  },
  {
    name: 'The Grand Budapest Hotel', year: 2014, time: 99, imdb: 8.1, votes: 900_000, meta_score: 88, gross: 59_100_000,
    certification: 'R', genres: ['Adventure', 'Comedy', 'Crime'], directors: ['Wes Anderson'], stars: ['Ralph Fiennes', 'Tony Revolori', 'Saoirse Ronan'],
    description: 'The fastidious concierge of a grand European hotel and his loyal lobby boy are caught up in a stolen painting and a fight over a family fortune.',
  },
  {
    name: 'Jurassic Park', year: 1993, time: 127, imdb: 8.2, votes: 1_050_000, meta_score: 68, gross: 402_500_000,
    certification: 'PG-13', genres: ['Action', 'Adventure', 'Sci-Fi'], directors: ['Steven Spielberg'], stars: ['Sam Neill', 'Laura Dern', 'Jeff Goldblum'],
    description: 'A billionaire invites scientists to preview his island park of cloned dinosaurs, just before the power fails and the animals get loose.',
  },
  {
    name: 'Heat', year: 1995, time: 170, imdb: 8.3, votes: 700_000, meta_score: 76, gross: 67_400_000,
    certification: 'R', genres: ['Action', 'Crime', 'Drama'], directors: ['Michael Mann'], stars: ['Al Pacino', 'Robert De Niro', 'Val Kilmer'],
    description: 'A meticulous professional thief and the obsessive detective on his trail circle each other across Los Angeles, each recognising himself in the other.',
  },
  {
    name: 'The Shining', year: 1980, time: 146, imdb: 8.4, votes: 1_100_000, meta_score: 66, gross: 44_000_000,
    certification: 'R', genres: ['Drama', 'Horror'], directors: ['Stanley Kubrick'], stars: ['Jack Nicholson', 'Shelley Duvall', 'Danny Lloyd'],
    description: 'A writer takes a winter caretaker job at an isolated mountain hotel with his wife and young son, and the empty building slowly works on his mind.',
  },
  {
    name: 'Eternal Sunshine of the Spotless Mind', year: 2004, time: 108, imdb: 8.3, votes: 1_050_000, meta_score: 89, gross: 34_400_000,
    certification: 'R', genres: ['Drama', 'Romance', 'Sci-Fi'], directors: ['Michel Gondry'], stars: ['Jim Carrey', 'Kate Winslet', 'Tom Wilkinson'],
    description: 'After a painful break-up, a man pays to have every memory of his girlfriend erased, then tries to hold on to her while the procedure runs.',
  },
  {
    name: 'No Country for Old Men', year: 2007, time: 122, imdb: 8.2, votes: 1_050_000, meta_score: 92, gross: 74_300_000,
    certification: 'R', genres: ['Crime', 'Drama', 'Thriller'], directors: ['Ethan Coen', 'Joel Coen'], stars: ['Tommy Lee Jones', 'Javier Bardem', 'Josh Brolin'],
    description: 'A hunter who walks off with a case of drug money from a desert shoot-out is tracked across Texas by a calm, relentless killer and an ageing sheriff.',
  },
  {
    name: 'Some Like It Hot', year: 1959, time: 121, imdb: 8.2, votes: 280_000, meta_score: 98, gross: 25_000_000,
    certification: 'Approved', genres: ['Comedy', 'Music', 'Romance'], directors: ['Billy Wilder'], stars: ['Marilyn Monroe', 'Tony Curtis', 'Jack Lemmon'],
    description: 'Two jazz musicians who witnessed a gangland massacre hide from the mob by dressing as women and joining an all-female band bound for Florida.',
  },
  {
    name: 'Metropolis', year: 1927, time: 153, imdb: 8.3, votes: 190_000, meta_score: 98, gross: null,
    certification: 'Not Rated', genres: ['Drama', 'Sci-Fi'], directors: ['Fritz Lang'], stars: ['Brigitte Helm', 'Alfred Abel', 'Gustav Fröhlich'],
    description: "In a towering city where the rich live above and the workers toil below, the son of the city's master falls for a woman who preaches to the workers.",
  },
  {
    name: 'Modern Times', year: 1936, time: 87, imdb: 8.5, votes: 260_000, meta_score: 96, gross: null,
    certification: 'G', genres: ['Comedy', 'Drama', 'Romance'], directors: ['Charlie Chaplin'], stars: ['Charlie Chaplin', 'Paulette Goddard', 'Henry Bergman'],
    description: 'The Tramp struggles to keep up with a relentless factory line and, with a spirited orphan girl, to find a place in the Depression-era city.',
  },
  {
    name: 'Everything Everywhere All at Once', year: 2022, time: 139, imdb: 7.8, votes: 600_000, meta_score: 81, gross: 72_900_000,
    certification: 'R', genres: ['Action', 'Adventure', 'Comedy'], directors: ['Daniel Kwan', 'Daniel Scheinert'], stars: ['Michelle Yeoh', 'Ke Huy Quan', 'Stephanie Hsu'],
    description: 'A laundromat owner buried in a tax audit finds she can borrow skills from her other lives across the multiverse, and must use them to save her daughter.',
  },
  {
    name: 'Oppenheimer', year: 2023, time: 180, imdb: 8.3, votes: 850_000, meta_score: 90, gross: 330_000_000,
    certification: 'R', genres: ['Biography', 'Drama', 'History'], directors: ['Christopher Nolan'], stars: ['Cillian Murphy', 'Emily Blunt', 'Matt Damon'],
    description: 'The physicist who led the race to build the atomic bomb lives through the triumph of the first test and the hearings that later turned on him.',
  },
  {
    name: 'Scarface', year: 1932, time: 93, imdb: 7.7, votes: 30_000, meta_score: 87, gross: null,
    certification: 'Approved', genres: ['Crime', 'Drama'], directors: ['Howard Hawks'], stars: ['Paul Muni', 'Ann Dvorak', 'Karen Morley'],
    description: "A ruthless hoodlum shoots his way to the top of Chicago's bootlegging rackets during Prohibition, fiercely possessive of his younger sister.",
  },
  {
    name: 'Scarface', year: 1983, time: 170, imdb: 8.3, votes: 900_000, meta_score: 65, gross: 45_600_000,
    certification: 'R', genres: ['Crime', 'Drama'], directors: ['Brian De Palma'], stars: ['Al Pacino', 'Michelle Pfeiffer', 'Steven Bauer'],
    description: 'A Cuban refugee who lands in Miami with nothing climbs to the top of the cocaine trade, and his appetite for more brings it all crashing down.',
  },
];

/** The demo catalog with prices set by `derivedPrice`, as the CSV import would set them. */
export function demoCatalog(): MovieRecord[] {
  return DEMO_MOVIES.map((movie) => ({ ...movie, price: derivedPrice(movie.year, movie.imdb) }));
}
