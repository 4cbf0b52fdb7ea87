// Passwords and words that guessing starts with: the first words tried against any account, school and
// app words, keyboard runs, and long passwords that are common all the same. A new password is refused
// when it is one of these, or one of these with digits or symbols around it ('Password2025!'), written
// in capitals, with spaces, or with 0 for o, 3 for e and the like (see password-policy.ts).
// Kept short on purpose: passwords under 12 characters are refused anyway; this catches the long ones
// that are guessed early. Written as the check compares them: lower-case letters and digits only.

export const COMMON_PASSWORDS: readonly string[] = [
	// the first guesses
	'password', 'passwort', 'motdepasse', 'passphrase', 'secret', 'topsecret', 'letmein', 'welcome', 'welcomeback',
	'changeme', 'changeit', 'default', 'login', 'logmein', 'access', 'accessgranted', 'opensesame', 'trustno1',
	'trustnoone', 'iloveyou', 'iloveyoutoo', 'loveyou', 'lovely', 'whatever', 'nothing', 'letmeinplease',
	'pleaseletmein', 'masterkey', 'master', 'superuser', 'admin', 'administrator', 'root', 'guest', 'user',
	'username', 'test', 'testing', 'tester', 'demo', 'example', 'sample', 'temp', 'temporary', 'newpassword',
	'mypassword', 'yourpassword', 'thepassword', 'passwordpassword', 'password1234', 'password12345',
	'password123456', 'passwordisstrong', 'strongpassword', 'securepassword', 'verysecure', 'supersecret',
	'supersecure', 'ilovemyfamily', 'ilovemykids', 'ilovemydog', 'ilovemycat', 'mylittlepony', 'helloworld',
	'hellothere', 'goodmorning', 'goodbye', 'thankyou', 'welcometo', 'letsgo', 'godisgood', 'jesuschrist',
	'blessed', 'freedom', 'liberty', 'forever', 'foreveryoung', 'neverforget', 'nevergiveup', 'happydays',
	'sunshine', 'princess', 'prince', 'dragon', 'monkey', 'shadow', 'superman', 'batman', 'spiderman',
	'starwars', 'startrek', 'pokemon', 'minecraft', 'fortnite', 'football', 'soccer', 'baseball', 'basketball',
	'cricket', 'rugby', 'liverpool', 'arsenal', 'chelsea', 'manchesterunited', 'manchestercity', 'tottenham',
	'everton', 'leedsunited', 'newcastle', 'celtic', 'rangers', 'england', 'london', 'manchester', 'birmingham',
	'unitedkingdom', 'greatbritain', 'britain', 'summer', 'winter', 'autumn', 'spring', 'christmas',
	'merrychristmas', 'happybirthday', 'birthday', 'january', 'february', 'march', 'april', 'june', 'july',
	'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday',
	'friday', 'saturday', 'sunday', 'computer', 'internet', 'google', 'microsoft', 'windows', 'apple',
	'samsung', 'iphone', 'android', 'facebook', 'twitter', 'instagram', 'linkedin', 'office', 'outlook',
	'chocolate', 'cheese', 'banana', 'orange', 'purple', 'yellow', 'silver', 'golden', 'diamond', 'rainbow',
	'butterfly', 'flower', 'angel', 'angels', 'heaven', 'killer', 'hunter', 'ranger', 'soldier', 'warrior',
	'mustang', 'ferrari', 'porsche', 'harley', 'yankees', 'cowboys', 'jordan', 'michael', 'jennifer',
	'jessica', 'charlie', 'thomas', 'daniel', 'andrew', 'robert', 'william', 'matthew', 'joshua', 'ashley',
	'amanda', 'nicole', 'hannah', 'sophie', 'oliver', 'george', 'harry', 'jack', 'emily', 'olivia',
	'qwerty', 'qwertz', 'azerty', 'qwertyuiop', 'qwertyuiopasdfghjkl', 'asdfghjkl', 'zxcvbnm',
	'qazwsx', 'qazwsxedc', 'qazwsxedcrfv', '1qaz2wsx', '1qaz2wsx3edc', '1q2w3e4r', '1q2w3e4r5t',
	'1q2w3e4r5t6y', 'q1w2e3r4', 'q1w2e3r4t5', 'q1w2e3r4t5y6', 'zaq12wsx', 'zaq1zaq1', 'abcdef', 'abcdefgh',
	'abcdefghijkl', 'abcdefghijklmnop', 'abc123', 'abcd1234', 'aa123456', 'a1b2c3d4', 'a1b2c3d4e5f6',
	'123456', '12345678', '123456789', '1234567890', '123456789012', '1234567890123', '12345678910',
	'0987654321', '987654321', '11111111', '00000000', '111222333', '112233445566', '123123123',
	'123321123321', '147258369', '159753', '741852963', '789456123', '1234512345', '12341234', 'asdf1234',
	'qwer1234', 'qwerty123', 'qwerty1234', 'qwertyuiop123', 'passw0rd', 'pa55word',
	'correcthorsebatterystaple', 'thequickbrownfox', 'thequickbrownfoxjumpsoverthelazydog',
	'loremipsum', 'loremipsumdolorsitamet', 'iamthebest', 'youwillneverguess', 'cantguessthis',
	'dontforget', 'donotforget', 'rememberme', 'remember', 'forgotten', 'forgotmypassword', 'noidea',
	'idontknow', 'idunno', 'letmeinnow', 'openup', 'comeon', 'getin', 'keepout', 'nopassword', 'nopass',
	// school, attendance and this app
	'school', 'schools', 'myschool', 'ourschool', 'primary', 'primaryschool', 'secondary', 'secondaryschool',
	'highschool', 'academy', 'academytrust', 'multiacademytrust', 'trust', 'trustee', 'college', 'sixthform',
	'teacher', 'teachers', 'teaching', 'headteacher', 'headmaster', 'headmistress', 'deputyhead', 'principal',
	'governor', 'governors', 'governingbody', 'chairofgovernors', 'seniorleader', 'leadership', 'officer',
	'attendanceofficer', 'schooloffice', 'reception', 'classroom', 'student', 'students', 'pupil',
	'pupils', 'children', 'parents', 'learning', 'education', 'lesson', 'lessons', 'homework', 'timetable',
	'register', 'registers', 'attendance', 'attendancelens', 'lens', 'absence', 'absences', 'present',
	'safeguarding', 'ofsted', 'outstanding', 'goodschool', 'sims', 'arbor', 'bromcom', 'isams', 'synergy',
	'capita', 'dfe', 'department', 'localauthority', 'council', 'county', 'cleverchildren', 'welcometoschool',
	'backtoschool', 'schoolsout', 'termtime', 'halfterm', 'endofterm', 'staffroom', 'staff', 'staffpassword',
	'schoolpassword', 'teacherpassword', 'adminpassword', 'officepassword'
];
