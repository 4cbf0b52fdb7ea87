// Names, places and ethnicities for the demo trust. Pupil names follow their ethnicity loosely
// so that the pupil lists look like a real school in England.

export type NameGroup = 'british' | 'irish' | 'eastEuropean' | 'southAsianMuslim' | 'indian' | 'african' | 'chinese';

export interface Ethnicity {
	code: string; // DfE extended ethnicity code
	share: number; // share of pupils
	names: NameGroup;
	eal: number; // probability of English as an additional language
	muslim?: number; // share observing Eid (religious observance marks)
	hindu?: number; // share observing Diwali
	traveller?: boolean;
}

export const ETHNICITIES: Ethnicity[] = [
	{ code: 'WBRI', share: 0.62, names: 'british', eal: 0.01 },
	{ code: 'WIRI', share: 0.006, names: 'irish', eal: 0.02 },
	{ code: 'WOTH', share: 0.07, names: 'eastEuropean', eal: 0.75 },
	{ code: 'WROM', share: 0.004, names: 'eastEuropean', eal: 0.6, traveller: true },
	{ code: 'WIRT', share: 0.002, names: 'irish', eal: 0.02, traveller: true },
	{ code: 'MWBC', share: 0.02, names: 'british', eal: 0.03 },
	{ code: 'MWBA', share: 0.01, names: 'british', eal: 0.1 },
	{ code: 'MWAS', share: 0.017, names: 'british', eal: 0.12, muslim: 0.3 },
	{ code: 'MOTH', share: 0.02, names: 'british', eal: 0.15 },
	{ code: 'AIND', share: 0.035, names: 'indian', eal: 0.7, hindu: 0.6, muslim: 0.1 },
	{ code: 'APKN', share: 0.045, names: 'southAsianMuslim', eal: 0.8, muslim: 0.95 },
	{ code: 'ABAN', share: 0.02, names: 'southAsianMuslim', eal: 0.85, muslim: 0.95 },
	{ code: 'AOTH', share: 0.02, names: 'southAsianMuslim', eal: 0.6, muslim: 0.5 },
	{ code: 'BAFR', share: 0.04, names: 'african', eal: 0.55, muslim: 0.3 },
	{ code: 'BCRB', share: 0.01, names: 'british', eal: 0.02 },
	{ code: 'BOTH', share: 0.005, names: 'african', eal: 0.3 },
	{ code: 'CHNE', share: 0.006, names: 'chinese', eal: 0.7 },
	{ code: 'OOTH', share: 0.02, names: 'southAsianMuslim', eal: 0.6, muslim: 0.6 },
	{ code: 'REFU', share: 0.01, names: 'british', eal: 0.1 },
	{ code: 'NOBT', share: 0.005, names: 'british', eal: 0.1 }
];

interface NameList {
	boys: string[];
	girls: string[];
	surnames: string[];
}

export const NAMES: Record<NameGroup, NameList> = {
	british: {
		boys: ['Oliver', 'George', 'Harry', 'Noah', 'Jack', 'Leo', 'Arthur', 'Oscar', 'Charlie', 'Jacob', 'Thomas', 'Alfie', 'Freddie', 'Theo', 'Archie', 'Joshua', 'William', 'James', 'Max', 'Henry', 'Lucas', 'Ethan', 'Mason', 'Logan', 'Tyler', 'Riley', 'Kai', 'Dylan', 'Finley', 'Reuben', 'Callum', 'Jayden'],
		girls: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Lily', 'Freya', 'Ivy', 'Florence', 'Mia', 'Isabella', 'Grace', 'Poppy', 'Sophie', 'Evie', 'Ella', 'Millie', 'Rosie', 'Harper', 'Willow', 'Charlotte', 'Emily', 'Ruby', 'Daisy', 'Phoebe', 'Matilda', 'Sienna', 'Jessica', 'Chloe', 'Maisie', 'Holly', 'Leah', 'Megan'],
		surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Hughes', 'Lewis', 'Harrison', 'Turner', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harris', 'Scott', 'Atkinson', 'Dixon', 'Marshall', 'Fletcher', 'Bell', 'Shaw', 'Kelly', 'Holmes', 'Barker', 'Mason', 'Pearson', 'Hudson', 'Webster']
	},
	irish: {
		boys: ['Sean', 'Patrick', 'Conor', 'Cian', 'Liam', 'Ronan', 'Tadhg', 'Michael', 'John', 'Martin'],
		girls: ['Aoife', 'Niamh', 'Siobhan', 'Ciara', 'Roisin', 'Bridget', 'Mary', 'Kathleen', 'Sinead', 'Orla'],
		surnames: ["O'Brien", 'Murphy', 'Kelly', 'Byrne', 'Ryan', 'Doherty', 'Connors', 'McDonagh', 'Ward', 'Maughan', 'Gallagher', 'Flynn']
	},
	eastEuropean: {
		boys: ['Jakub', 'Filip', 'Szymon', 'Antoni', 'Andrei', 'Matei', 'Luca', 'Oliwer', 'Marek', 'Tomas', 'Lukas', 'Dawid', 'Mihai', 'Kacper'],
		girls: ['Zuzanna', 'Julia', 'Maja', 'Hanna', 'Alexandra', 'Maria', 'Ioana', 'Natalia', 'Oliwia', 'Lena', 'Amelia', 'Wiktoria', 'Ana', 'Patrycja'],
		surnames: ['Nowak', 'Kowalski', 'Wisniewski', 'Wojcik', 'Kaminski', 'Lewandowski', 'Popescu', 'Ionescu', 'Horvath', 'Kazlauskas', 'Petrov', 'Dumitru', 'Zielinski', 'Balog', 'Stan', 'Varga']
	},
	southAsianMuslim: {
		boys: ['Muhammad', 'Ibrahim', 'Yusuf', 'Zayn', 'Ali', 'Hamza', 'Ayaan', 'Musa', 'Adam', 'Rayyan', 'Haris', 'Zakariya', 'Idris', 'Bilal', 'Omar', 'Abdullah'],
		girls: ['Maryam', 'Aisha', 'Fatima', 'Zara', 'Hafsa', 'Inaya', 'Khadija', 'Amira', 'Safa', 'Noor', 'Zainab', 'Hana', 'Ayesha', 'Mariam', 'Eman', 'Sumaya'],
		surnames: ['Khan', 'Hussain', 'Ahmed', 'Ali', 'Begum', 'Rahman', 'Iqbal', 'Akhtar', 'Mahmood', 'Shah', 'Islam', 'Uddin', 'Aziz', 'Malik', 'Bibi', 'Chowdhury', 'Hassan', 'Yusuf']
	},
	indian: {
		boys: ['Arjun', 'Rohan', 'Aarav', 'Dev', 'Krish', 'Vihaan', 'Ravi', 'Jai', 'Harjot', 'Ishaan', 'Aryan', 'Sai'],
		girls: ['Priya', 'Anaya', 'Diya', 'Saanvi', 'Simran', 'Aisha', 'Kiran', 'Isha', 'Meera', 'Navya', 'Riya', 'Jasleen'],
		surnames: ['Patel', 'Singh', 'Kaur', 'Sharma', 'Gill', 'Kumar', 'Mistry', 'Shah', 'Sandhu', 'Parmar', 'Chauhan', 'Joshi', 'Mehta', 'Dhillon']
	},
	african: {
		boys: ['David', 'Daniel', 'Emmanuel', 'Samuel', 'Joshua', 'Tobi', 'Kwame', 'Chidi', 'Tendai', 'Abdi', 'Mohamed', 'Elijah', 'Michael', 'Jerome'],
		girls: ['Blessing', 'Grace', 'Precious', 'Favour', 'Esther', 'Amara', 'Chloe', 'Nia', 'Adaeze', 'Hodan', 'Ruth', 'Deborah', 'Faith', 'Zuri'],
		surnames: ['Okafor', 'Adeyemi', 'Mensah', 'Osei', 'Mohamed', 'Abdi', 'Okonkwo', 'Adebayo', 'Boateng', 'Nwosu', 'Moyo', 'Banda', 'Farah', 'Asante', 'Campbell', 'Williams']
	},
	chinese: {
		boys: ['Jun', 'Hao', 'Wei', 'Ethan', 'Jason', 'Ryan', 'Yi', 'Zhi'],
		girls: ['Mei', 'Xin', 'Ling', 'Jia', 'Emily', 'Chloe', 'Yan', 'Hui'],
		surnames: ['Wang', 'Li', 'Zhang', 'Chen', 'Liu', 'Wong', 'Lam', 'Cheung', 'Huang', 'Zhou']
	}
};

/** Place names for the trust's schools ("Fenwick Primary Academy", "Thornbury Academy"). */
export const PLACES = ['Fenwick', 'Ashby Vale', 'Kingsmead', 'Thornbury', 'Hollins Park', 'Marsh Lane', 'Westgate', 'Castle Hill', 'Brookfield', 'Oakwood', 'Millbrook', 'Riverside', 'St Aidan', 'Holmfirth Road', 'Greenacres', 'Eastbrook', 'Highfield', 'Moorside', 'Bramley', 'Northgate'];

/** Staff who keep the registers and run attendance work. */
export const STAFF = ['Mrs J Whitaker', 'Mr D Okoro', 'Ms K Patel', 'Mrs S Hargreaves', 'Mr P Lowe', 'Miss R Fielding', 'Mrs A Nowak', 'Mr T Bradshaw', 'Ms L Ahmed', 'Mrs C Dunn', 'Mr G Holt', 'Mrs H Rahman'];

/** Form letters: house initials in secondaries, teacher initials in primaries. */
export const SECONDARY_FORM_LETTERS = ['B', 'G', 'K', 'R', 'S', 'W', 'H', 'T', 'M', 'N', 'P', 'D'];
export const PRIMARY_FORM_LETTERS = ['K', 'B', 'H', 'M', 'S', 'W', 'P', 'T'];
